// What other plugins may read of the partners' order webhook outbox (the sales dashboard):
// counts per state and delivery latency, never a payload or a secret.

/** Anything that runs SQL with positional parameters: a TypeORM EntityManager or a pg client. */
export type SqlQueryable = { query(sql: string, params?: unknown[]): Promise<unknown> }

export type WebhookHealthDay = { day: string; delivered: number; retrying: number; pending: number; dead: number }

export type WebhookHealth = {
  /** Deliveries created in the range, by the state they are in now. */
  totals: { delivered: number; retrying: number; pending: number; dead: number }
  /** From the order event to the partner's 2xx, for deliveries delivered; null when none was. */
  latency_ms: { p50: number | null; p95: number | null; max: number | null }
  per_day: WebhookHealthDay[]
}

/**
 * The outbox's deliveries created from `from` to `to` (UTC days, both included): delivered,
 * retrying (pending after a failed attempt), pending (not tried yet) and dead (retries given up).
 */
export async function webhookDeliveryHealth(db: SqlQueryable, from: string, to: string): Promise<WebhookHealth> {
  const perDay = (await db.query(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
            count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
            count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
            count(*) FILTER (WHERE status = 'pending' AND attempts = 0)::int AS pending,
            count(*) FILTER (WHERE status = 'dead')::int AS dead
       FROM webhook_delivery
      WHERE created_at >= $1::timestamp AT TIME ZONE 'UTC' AND created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
      GROUP BY 1 ORDER BY 1`,
    [from, to]
  )) as WebhookHealthDay[]
  const [latency] = (await db.query(
    `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
            percentile_disc(0.95) WITHIN GROUP (ORDER BY ms) AS p95,
            max(ms) AS max
       FROM (SELECT (extract(epoch FROM delivered_at - created_at) * 1000)::bigint AS ms
               FROM webhook_delivery
              WHERE status = 'delivered' AND created_at >= $1::timestamp AT TIME ZONE 'UTC' AND created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC') d`,
    [from, to]
  )) as Array<{ p50: string | null; p95: string | null; max: string | null }>
  const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v))
  const per_day = perDay.map((d) => ({
    day: d.day,
    delivered: Number(d.delivered),
    retrying: Number(d.retrying),
    pending: Number(d.pending),
    dead: Number(d.dead),
  }))
  const totals = { delivered: 0, retrying: 0, pending: 0, dead: 0 }
  for (const d of per_day) {
    totals.delivered += d.delivered
    totals.retrying += d.retrying
    totals.pending += d.pending
    totals.dead += d.dead
  }
  return { totals, latency_ms: { p50: num(latency?.p50), p95: num(latency?.p95), max: num(latency?.max) }, per_day }
}

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
  // One scan of the range (through IDX_webhook_delivery_created_at, which carries the columns
  // read) for both the per-day counts and the latency percentiles.
  const rows = (await db.query(
    `WITH d AS MATERIALIZED (
       SELECT (created_at AT TIME ZONE 'UTC')::date AS day, status, attempts,
              CASE WHEN status = 'delivered' THEN (extract(epoch FROM delivered_at - created_at) * 1000)::bigint END AS ms
         FROM webhook_delivery
        WHERE created_at >= $1::timestamp AT TIME ZONE 'UTC' AND created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
     )
     SELECT to_char(day, 'YYYY-MM-DD') AS day,
            count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
            count(*) FILTER (WHERE status = 'pending' AND attempts > 0)::int AS retrying,
            count(*) FILTER (WHERE status = 'pending' AND attempts = 0)::int AS pending,
            count(*) FILTER (WHERE status = 'dead')::int AS dead,
            NULL::bigint AS p50, NULL::bigint AS p95, NULL::bigint AS max
       FROM d GROUP BY day
     UNION ALL
     SELECT NULL, 0, 0, 0, 0,
            percentile_disc(0.5) WITHIN GROUP (ORDER BY ms), percentile_disc(0.95) WITHIN GROUP (ORDER BY ms), max(ms)
       FROM d WHERE ms IS NOT NULL`,
    [from, to]
  )) as Array<WebhookHealthDay & { day: string | null; p50: string | null; p95: string | null; max: string | null }>
  const perDay = rows.filter((r) => r.day !== null).sort((a, b) => a.day.localeCompare(b.day))
  const latency = rows.find((r) => r.day === null)
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

// The partner webhook outbox (webhook_delivery) and its attempt log (webhook_attempt).
import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import { receivesCustomerData } from "./partner"

export type DeliveryStatus = "pending" | "delivered" | "dead"

export const webhookDeliveryTable = defineTable("webhook_delivery", {
  id: pg.text,
  partner_id: pg.text,
  event_type: pg.text,
  order_id: pg.text.orNull,
  body: pg.text,
  status: pg.textOf<DeliveryStatus>(),
  attempts: pg.int4,
  next_attempt_at: pg.timestamptz,
  lease_until: pg.timestamptz.orNull,
  last_status: pg.int4.orNull,
  last_error: pg.text.orNull,
  delivered_at: pg.timestamptz.orNull,
  dead_at: pg.timestamptz.orNull,
  created_at: pg.timestamptz,
  updated_at: pg.timestamptz,
})

export const webhookAttemptTable = defineTable("webhook_attempt", {
  id: pg.int8,
  delivery_id: pg.text,
  attempt: pg.int4,
  url: pg.text.orNull,
  response_status: pg.int4.orNull,
  response_body: pg.text.orNull,
  error: pg.text.orNull,
  duration_ms: pg.int4,
  created_at: pg.timestamptz,
})

export type WebhookDeliveryRow = RowOf<typeof webhookDeliveryTable>
export type WebhookAttemptRow = RowOf<typeof webhookAttemptTable>
export type ClaimedDelivery = Pick<WebhookDeliveryRow, "id" | "partner_id" | "event_type" | "body" | "attempts" | "status">

/** Queues one delivery; written in the caller's transaction, with the order change it reports. */
export async function enqueueDelivery(db: SqlRunner, d: Pick<WebhookDeliveryRow, "id" | "partner_id" | "event_type" | "order_id" | "body">): Promise<void> {
  await execute(db, `INSERT INTO webhook_delivery (id, partner_id, event_type, order_id, body) VALUES ($1, $2, $3, $4, $5)`, [
    d.id,
    d.partner_id,
    d.event_type,
    d.order_id,
    d.body,
  ])
}

/**
 * Leases up to `limit` due deliveries of partners whose endpoint is enabled (`FOR UPDATE SKIP
 * LOCKED`, then `lease_until`), so several workers never send the same attempt twice.
 */
export function claimDueDeliveries(db: SqlRunner, leaseSeconds: number, limit: number): Promise<ClaimedDelivery[]> {
  return selectRows<ClaimedDelivery>(
    db,
    `UPDATE webhook_delivery d
        SET lease_until = now() + make_interval(secs => $1), updated_at = now()
      WHERE d.id IN (
        SELECT d2.id FROM webhook_delivery d2
          JOIN partner p ON p.id = d2.partner_id
         WHERE d2.status = 'pending' AND d2.next_attempt_at <= now()
           AND (d2.lease_until IS NULL OR d2.lease_until < now())
           AND p.webhook_disabled_at IS NULL
         ORDER BY d2.next_attempt_at
         LIMIT $2
         FOR UPDATE OF d2 SKIP LOCKED)
      RETURNING d.id, d.partner_id, d.event_type, d.body, d.attempts, d.status`,
    [leaseSeconds, limit]
  )
}

export async function recordAttempt(
  db: SqlRunner,
  a: Pick<WebhookAttemptRow, "delivery_id" | "attempt" | "url" | "response_status" | "response_body" | "error" | "duration_ms">
): Promise<void> {
  await execute(
    db,
    `INSERT INTO webhook_attempt (delivery_id, attempt, url, response_status, response_body, error, duration_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.delivery_id, a.attempt, a.url, a.response_status, a.response_body, a.error, a.duration_ms]
  )
}

export async function markDelivered(db: SqlRunner, id: string, attempts: number, status: number | null): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_delivery SET status = 'delivered', attempts = $2, last_status = $3, last_error = NULL,
            delivered_at = now(), lease_until = NULL, updated_at = now() WHERE id = $1`,
    [id, attempts, status]
  )
}

export async function scheduleRetry(db: SqlRunner, id: string, attempts: number, status: number | null, error: string | null, delaySeconds: number): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_delivery SET attempts = $2, last_status = $3, last_error = $4, lease_until = NULL,
            next_attempt_at = now() + make_interval(secs => $5), updated_at = now() WHERE id = $1`,
    [id, attempts, status, error, delaySeconds]
  )
}

export async function markDead(db: SqlRunner, id: string, attempts: number, status: number | null, error: string | null): Promise<void> {
  await execute(
    db,
    `UPDATE webhook_delivery SET status = 'dead', attempts = $2, last_status = $3, last_error = $4,
            dead_at = now(), lease_until = NULL, updated_at = now() WHERE id = $1`,
    [id, attempts, status, error]
  )
}

export type DeliveryView = Pick<
  WebhookDeliveryRow,
  "id" | "partner_id" | "event_type" | "order_id" | "status" | "attempts" | "next_attempt_at" | "last_status" | "last_error" | "delivered_at" | "dead_at" | "created_at" | "updated_at"
> & { payload: unknown; attempt_log?: AttemptView[] }
export type AttemptView = Pick<WebhookAttemptRow, "delivery_id" | "attempt" | "url" | "response_status" | "response_body" | "error" | "duration_ms" | "created_at">

/** A page of the partner's deliveries, newest first, with how many there are. */
export async function deliveriesOfPartner(
  db: SqlRunner,
  partnerId: string,
  page: { status?: string; limit: number; offset: number }
): Promise<{ deliveries: DeliveryView[]; count: number }> {
  const params: unknown[] = [partnerId, page.limit, page.offset]
  let filter = ""
  if (page.status) {
    params.push(page.status)
    filter = ` AND status = $4`
  }
  const deliveries = await selectRows<DeliveryView>(
    db,
    `SELECT id, partner_id, event_type, order_id, status, attempts, next_attempt_at, last_status, last_error,
            delivered_at, dead_at, created_at, updated_at, body::jsonb AS payload
       FROM webhook_delivery WHERE partner_id = $1${filter}
      ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
    params
  )
  const counted = await selectRow<{ count: number }>(
    db,
    `SELECT count(*)::int AS count FROM webhook_delivery WHERE partner_id = $1${page.status ? " AND status = $2" : ""}`,
    page.status ? [partnerId, page.status] : [partnerId]
  )
  return { deliveries, count: counted?.count ?? 0 }
}

/** The attempts of these deliveries, in the order they were made. */
export function attemptsOf(db: SqlRunner, deliveryIds: string[]): Promise<AttemptView[]> {
  if (!deliveryIds.length) return Promise.resolve([])
  return selectRows<AttemptView>(
    db,
    `SELECT delivery_id, attempt, url, response_status, response_body, error, duration_ms, created_at
       FROM webhook_attempt WHERE delivery_id = ANY($1) ORDER BY id`,
    [deliveryIds]
  )
}

/** The delivery of this partner with what a replay must know of the partner. */
export function deliveryForReplay(
  db: SqlRunner,
  partnerId: string,
  deliveryId: string
): Promise<{ status: DeliveryStatus; webhook_disabled_at: Date | null; may_receive: boolean } | null> {
  return selectRow(
    db,
    `SELECT d.status, p.webhook_disabled_at, (${receivesCustomerData("p")}) AS may_receive
       FROM webhook_delivery d JOIN partner p ON p.id = d.partner_id
      WHERE d.id = $1 AND d.partner_id = $2`,
    [deliveryId, partnerId]
  )
}

/** Queues a finished delivery again with its original id and body; null when it is pending already. */
export function requeueDelivery(db: SqlRunner, deliveryId: string): Promise<Pick<WebhookDeliveryRow, "id" | "status" | "next_attempt_at"> | null> {
  return selectRow(
    db,
    `UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL,
            dead_at = NULL, delivered_at = NULL, updated_at = now()
      WHERE id = $1 AND status <> 'pending'
      RETURNING id, status, next_attempt_at`,
    [deliveryId]
  )
}

// The Stripe webhook ledger's one home: every event applied, by its `evt_` id, claimed and
// then marked applied in two short statements (see StripeWebhookService.applyOnce).
import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const stripeWebhookEventTable = defineTable("stripe_webhook_event", {
  id: pg.text,
  type: pg.text,
  object_id: pg.text.orNull,
  stripe_created_at: pg.timestamptz,
  /** Null while a delivery is applying the event's effects. */
  applied_at: pg.timestamptz.orNull,
  claimed_at: pg.timestamptz,
})

export type StripeWebhookEventRow = RowOf<typeof stripeWebhookEventTable>

/**
 * Claims the event for this delivery: true when it is new, or its claim is older than
 * `staleAfterSeconds` and was never applied (the process that claimed it died in between).
 */
export async function claimWebhookEvent(
  db: SqlRunner,
  event: { id: string; type: string; object_id: string | null; created: number },
  staleAfterSeconds: number
): Promise<boolean> {
  const claimed = await execute(
    db,
    `INSERT INTO stripe_webhook_event (id, type, object_id, stripe_created_at, claimed_at, applied_at)
     VALUES ($1, $2, $3, to_timestamp($4), now(), NULL)
     ON CONFLICT (id) DO UPDATE SET claimed_at = now()
      WHERE stripe_webhook_event.applied_at IS NULL AND stripe_webhook_event.claimed_at < now() - make_interval(secs => $5)
     RETURNING id`,
    [event.id, event.type, event.object_id, event.created, staleAfterSeconds]
  )
  return claimed > 0
}

/** Whether the event's effects were applied (by any delivery). */
export async function webhookEventApplied(db: SqlRunner, id: string): Promise<boolean> {
  const row = await selectRow<Pick<StripeWebhookEventRow, "applied_at">>(db, `SELECT applied_at FROM stripe_webhook_event WHERE id = $1`, [id])
  return Boolean(row?.applied_at)
}

export async function markWebhookEventApplied(db: SqlRunner, id: string): Promise<void> {
  await execute(db, `UPDATE stripe_webhook_event SET applied_at = now() WHERE id = $1`, [id])
}

/** Takes a claimed, unapplied event out of the ledger again, for Stripe's retry. */
export async function releaseWebhookEvent(db: SqlRunner, id: string): Promise<void> {
  await execute(db, `DELETE FROM stripe_webhook_event WHERE id = $1 AND applied_at IS NULL`, [id])
}

// When a customer's password last changed: store tokens issued before `not_before` no longer
// count, except the one that made the change (only its SHA-256 is kept). See lib/ended-sessions.ts.
import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const customerSessionCutoffTable = defineTable("customer_session_cutoff", {
  customer_id: pg.text,
  not_before: pg.timestamptz,
  kept_token_sha256: pg.text.orNull,
})

export type CustomerSessionCutoffRow = RowOf<typeof customerSessionCutoffTable>

export async function setSessionCutoff(db: SqlRunner, cutoff: CustomerSessionCutoffRow): Promise<void> {
  await execute(
    db,
    `INSERT INTO customer_session_cutoff (customer_id, not_before, kept_token_sha256) VALUES ($1, $2, $3)
     ON CONFLICT (customer_id) DO UPDATE SET not_before = EXCLUDED.not_before, kept_token_sha256 = EXCLUDED.kept_token_sha256`,
    [cutoff.customer_id, cutoff.not_before, cutoff.kept_token_sha256]
  )
}

export function sessionCutoffOf(db: SqlRunner, customerId: string): Promise<Omit<CustomerSessionCutoffRow, "customer_id"> | null> {
  return selectRow(db, `SELECT not_before, kept_token_sha256 FROM customer_session_cutoff WHERE customer_id = $1`, [customerId])
}

// The address each account has proved it owns. A proof names the address, so an account that
// changes its email is unverified again until it proves the new one.
import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const customerVerifiedEmailTable = defineTable("customer_verified_email", {
  customer_id: pg.text,
  email: pg.text,
  verified_at: pg.timestamptz,
})

export type CustomerVerifiedEmailRow = RowOf<typeof customerVerifiedEmailTable>

export async function recordVerifiedEmail(db: SqlRunner, customerId: string, email: string): Promise<void> {
  await execute(
    db,
    `INSERT INTO customer_verified_email (customer_id, email) VALUES ($1, $2)
     ON CONFLICT (customer_id) DO UPDATE SET email = EXCLUDED.email, verified_at = now()`,
    [customerId, email]
  )
}

/** The email the customer has proved to own and still uses, if any. */
export async function verifiedEmailOf(db: SqlRunner, customerId: string): Promise<string | undefined> {
  const row = await selectRow<{ email: string }>(
    db,
    `SELECT c.email FROM customer c JOIN customer_verified_email v ON v.customer_id = c.id
      WHERE c.id = $1 AND c.has_account AND c.deleted_at IS NULL AND v.email = lower(c.email)`,
    [customerId]
  )
  return row?.email
}

// Single-use email verification tokens; only their SHA-256 is stored.
import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const emailVerificationTokenTable = defineTable("email_verification_token", {
  token_hash: pg.text,
  customer_id: pg.text,
  email: pg.text,
  expires_at: pg.timestamptz,
  used_at: pg.timestamptz.orNull,
  created_at: pg.timestamptz,
})

export type EmailVerificationTokenRow = RowOf<typeof emailVerificationTokenTable>

/** Issues a token for the address, ending the customer's earlier unused ones. */
export async function issueVerificationToken(db: SqlRunner, t: Pick<EmailVerificationTokenRow, "token_hash" | "customer_id" | "email">, ttlHours: number): Promise<void> {
  await execute(db, `UPDATE email_verification_token SET expires_at = least(expires_at, now()) WHERE customer_id = $1 AND used_at IS NULL`, [t.customer_id])
  await execute(
    db,
    `INSERT INTO email_verification_token (token_hash, customer_id, email, expires_at)
     VALUES ($1, $2, $3, now() + make_interval(hours => $4))`,
    [t.token_hash, t.customer_id, t.email, ttlHours]
  )
}

/** Uses the token up; null when it is unknown, expired or used. */
export function spendVerificationToken(db: SqlRunner, tokenHash: string): Promise<Pick<EmailVerificationTokenRow, "customer_id" | "email"> | null> {
  return selectRow(
    db,
    `UPDATE email_verification_token SET used_at = now()
      WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()
      RETURNING customer_id, email`,
    [tokenHash]
  )
}

import { defineTable, execute, pg, type RowOf, type SqlRunner } from "@pva/medusa-kit"

/** SIWE nonces handed out and not yet used: each signs in once. */
export const walletNonceTable = defineTable("wallet_nonce", {
  nonce: pg.text,
  expires_at: pg.timestamptz,
})

export type WalletNonceRow = RowOf<typeof walletNonceTable>

/** Stores a new nonce, dropping those that expired over an hour ago. */
export async function storeNonce(db: SqlRunner, nonce: WalletNonceRow): Promise<void> {
  await execute(db, `DELETE FROM wallet_nonce WHERE expires_at < now() - interval '1 hour'`)
  await execute(db, `INSERT INTO wallet_nonce (nonce, expires_at) VALUES ($1, $2)`, [nonce.nonce, nonce.expires_at])
}

/** Uses the nonce up; false when it is unknown, expired or used. Two requests with one nonce: one wins. */
export async function consumeNonce(db: SqlRunner, nonce: string): Promise<boolean> {
  return (await execute(db, `DELETE FROM wallet_nonce WHERE nonce = $1 AND expires_at > now() RETURNING nonce`, [nonce])) > 0
}

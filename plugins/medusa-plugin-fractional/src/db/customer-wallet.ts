// Every wallet a customer ever linked (fractional_customer_wallet), kept after an unlink, so
// shares in a wallet unlinked later still count toward the customer's cap.
import { defineTable, execute, pg, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const fractionalCustomerWalletTable = defineTable("fractional_customer_wallet", {
  customer_id: pg.text,
  // lower case, as fractional_share_holding keeps wallets
  wallet: pg.text,
  first_seen_at: pg.timestamptz,
})

export type FractionalCustomerWalletRow = RowOf<typeof fractionalCustomerWalletTable>

export async function rememberWallets(db: SqlRunner, customerId: string, lowerWallets: string[]): Promise<void> {
  await execute(db, `INSERT INTO fractional_customer_wallet (customer_id, wallet) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
    customerId,
    lowerWallets,
  ])
}

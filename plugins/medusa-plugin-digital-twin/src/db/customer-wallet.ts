import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

/** Wallets customers proved with SIWE: one wallet belongs to one customer, a customer may link several. */
export const customerWalletTable = defineTable("customer_wallet", {
  address: pg.text,
  customer_id: pg.text,
  chain_id: pg.int4,
  linked_at: pg.timestamptz,
})

export type CustomerWalletRow = RowOf<typeof customerWalletTable>
export type LinkedWallet = Pick<CustomerWalletRow, "address" | "chain_id" | "linked_at">

/** The customer's wallets (lowercase addresses), oldest link first. */
export function walletsOf(db: SqlRunner, customerId: string): Promise<LinkedWallet[]> {
  return selectRows(db, `SELECT address, chain_id, linked_at FROM customer_wallet WHERE customer_id = $1 ORDER BY linked_at, address`, [customerId])
}

export async function ownerOfWallet(db: SqlRunner, lowerAddress: string): Promise<string | null> {
  const row = await selectRow<{ customer_id: string }>(db, `SELECT customer_id FROM customer_wallet WHERE address = $1`, [lowerAddress])
  return row?.customer_id ?? null
}

/** Whether the wallet is the customer's and was linked no later than `since` (to the second). */
export async function linkedSince(db: SqlRunner, customerId: string, lowerAddress: string, since: Date): Promise<boolean> {
  const row = await selectRow(db, `SELECT 1 FROM customer_wallet WHERE address = $1 AND customer_id = $2 AND date_trunc('second', linked_at) <= $3`, [
    lowerAddress,
    customerId,
    since,
  ])
  return Boolean(row)
}

/**
 * Links the wallet to the customer; the same customer again changes nothing. Null when
 * another customer holds it; `inserted` says whether the link is new.
 */
export function linkWallet(db: SqlRunner, customerId: string, lowerAddress: string, chainId: number): Promise<(LinkedWallet & { inserted: boolean }) | null> {
  return selectRow(
    db,
    `INSERT INTO customer_wallet (address, customer_id, chain_id) VALUES ($1, $2, $3)
     ON CONFLICT (address) DO UPDATE SET address = EXCLUDED.address WHERE customer_wallet.customer_id = EXCLUDED.customer_id
     RETURNING address, chain_id, linked_at, (xmax = 0) AS inserted`,
    [lowerAddress, customerId, chainId]
  )
}

/** Links the wallet unless it is linked already, to anyone (the seed's dev wallet). */
export async function linkWalletIfFree(db: SqlRunner, customerId: string, lowerAddress: string, chainId: number): Promise<void> {
  await execute(db, `INSERT INTO customer_wallet (address, customer_id, chain_id) VALUES ($1, $2, $3) ON CONFLICT (address) DO NOTHING`, [
    lowerAddress,
    customerId,
    chainId,
  ])
}

/** Whether the customer had this wallet linked (and now has not). */
export async function unlinkWallet(db: SqlRunner, customerId: string, lowerAddress: string): Promise<boolean> {
  return (await execute(db, `DELETE FROM customer_wallet WHERE address = $1 AND customer_id = $2 RETURNING address`, [lowerAddress, customerId])) > 0
}

// The store's mirror of on-chain share balances (fractional_share_holding), and the transfers
// applied to it (fractional_applied_transfer): chain sync's confirmed logs move the mirror, each
// log once, and removed ones move it back.
import { defineTable, execute, pg, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

/** Balances as chain sync reports them; the chain owns them, the store mirrors them. */
export const shareHoldingTable = defineTable("fractional_share_holding", {
  chain_offering_id: pg.numeric,
  wallet: pg.text,
  balance: pg.numeric,
  updated_at: pg.timestamptz,
})

/** Every TransferSingle applied to the mirror, so a repeat counts once and a removed log is undone once. */
export const appliedTransferTable = defineTable("fractional_applied_transfer", {
  log_id: pg.text,
  tx_hash: pg.text,
  chain_offering_id: pg.numeric,
  from_wallet: pg.text,
  to_wallet: pg.text,
  value: pg.numeric,
  block_number: pg.int8,
  applied_at: pg.timestamptz,
})

export type ShareHoldingRow = RowOf<typeof shareHoldingTable>
export type AppliedTransferRow = RowOf<typeof appliedTransferTable>

export type TransferToApply = Pick<AppliedTransferRow, "log_id" | "tx_hash" | "chain_offering_id" | "from_wallet" | "to_wallet" | "value"> & {
  block_number: number
}

/** Records the transfer as applied; false when it was applied before (a repeat delivery). */
export async function recordAppliedTransfer(db: SqlRunner, t: TransferToApply): Promise<boolean> {
  const inserted = await execute(
    db,
    `INSERT INTO fractional_applied_transfer (log_id, tx_hash, chain_offering_id, from_wallet, to_wallet, value, block_number)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (log_id) DO NOTHING RETURNING log_id`,
    [t.log_id, t.tx_hash, t.chain_offering_id, t.from_wallet, t.to_wallet, t.value, t.block_number]
  )
  return inserted > 0
}

/** Forgets an applied transfer; false when it was never applied (or forgotten already). */
export async function forgetAppliedTransfer(db: SqlRunner, logId: string): Promise<boolean> {
  return (await execute(db, `DELETE FROM fractional_applied_transfer WHERE log_id = $1 RETURNING log_id`, [logId])) > 0
}

/** Adds `delta` (a decimal string, maybe negative) to the wallet's balance of the offering. */
export async function addToBalance(db: SqlRunner, chainOfferingId: string, wallet: string, delta: string): Promise<void> {
  await execute(
    db,
    `INSERT INTO fractional_share_holding (chain_offering_id, wallet, balance) VALUES ($1, $2, $3)
     ON CONFLICT (chain_offering_id, wallet) DO UPDATE SET balance = fractional_share_holding.balance + EXCLUDED.balance, updated_at = now()`,
    [chainOfferingId, wallet, delta]
  )
}

/** Non-zero balances of one offering, largest first. */
export function balancesOf(db: SqlRunner, chainOfferingId: string): Promise<Array<{ wallet: string; balance: number }>> {
  return selectRows(
    db,
    `SELECT wallet, balance::int AS balance FROM fractional_share_holding WHERE chain_offering_id = $1 AND balance <> 0 ORDER BY balance DESC, wallet`,
    [chainOfferingId]
  )
}

/** A new chain forgot every share: the mirror starts empty again. */
export async function forgetAllHoldings(db: SqlRunner): Promise<void> {
  await execute(db, `DELETE FROM fractional_applied_transfer`)
  await execute(db, `DELETE FROM fractional_share_holding`)
}

import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

/** Which deployment of PVATwin the store's chain-derived state came from (the dev chain restarts empty). */
export const digitalTwinChainStateTable = defineTable("digital_twin_chain_state", {
  chain_id: pg.int4,
  contract_address: pg.text,
  // hash of the deployment block: a restarted local chain has a different one
  deployment_block_hash: pg.text,
  updated_at: pg.timestamptz,
})

export type TwinChainStateRow = RowOf<typeof digitalTwinChainStateTable>

export function chainStateOf(db: SqlRunner, chainId: number): Promise<Pick<TwinChainStateRow, "contract_address" | "deployment_block_hash"> | null> {
  return selectRow(db, `SELECT contract_address, deployment_block_hash FROM digital_twin_chain_state WHERE chain_id = $1`, [chainId])
}

export async function saveChainState(db: SqlRunner, state: Pick<TwinChainStateRow, "chain_id" | "contract_address" | "deployment_block_hash">): Promise<void> {
  await execute(
    db,
    `INSERT INTO digital_twin_chain_state (chain_id, contract_address, deployment_block_hash) VALUES ($1, $2, $3)
     ON CONFLICT (chain_id) DO UPDATE SET contract_address = EXCLUDED.contract_address, deployment_block_hash = EXCLUDED.deployment_block_hash, updated_at = now()`,
    [state.chain_id, state.contract_address, state.deployment_block_hash]
  )
}

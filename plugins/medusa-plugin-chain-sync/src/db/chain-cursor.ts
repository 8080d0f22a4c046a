// chain_cursor: how far each watched contract is synced. Rows outside a range's commit live
// here (created for new contracts, read before each step, the head and the last error
// recorded); the range store moves the cursor in the same transaction as the logs it stored.
import { defineTable, pg, type RowOf } from "@pva/medusa-kit"
import type { Pool } from "pg"
import type { WatchedContracts } from "../lib/watched-contracts"

export const chainCursorTable = defineTable("chain_cursor", {
  chain_id: pg.int4,
  contract_address: pg.text,
  contract_name: pg.text,
  start_block: pg.int8,
  block_number: pg.int8,
  block_hash: pg.text.orNull,
  head_block: pg.int8.orNull,
  logs_ingested: pg.int8,
  logs_ignored: pg.int8,
  reorgs: pg.int4,
  last_error: pg.text.orNull,
  last_error_at: pg.timestamptz.orNull,
  created_at: pg.timestamptz,
  updated_at: pg.timestamptz,
  // announcements run in (block, log index) order: "told consumers up to here"
  announced_block: pg.int8,
  announced_log_index: pg.int4,
})

export type ChainCursorRow = RowOf<typeof chainCursorTable>

export interface Cursor {
  address: string
  block: number
  hash: string | null
}

export class Cursors {
  constructor(
    private readonly pool: Pool,
    private readonly chainId: number,
    private readonly contracts: WatchedContracts,
  ) {}

  /** Creates the cursors of contracts seen for the first time (one block before their start). */
  async init(): Promise<void> {
    for (const spec of this.contracts.specs) {
      await this.pool.query(
        `INSERT INTO chain_cursor (chain_id, contract_address, contract_name, start_block, block_number)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (chain_id, contract_address) DO NOTHING`,
        [this.chainId, spec.address.toLowerCase(), spec.name, spec.startBlock, spec.startBlock - 1],
      )
    }
  }

  async load(): Promise<Cursor[]> {
    const { rows } = await this.pool.query<{ contract_address: string; block_number: string; block_hash: string | null }>(
      `SELECT contract_address, block_number, block_hash FROM chain_cursor WHERE chain_id = $1 AND contract_address = ANY($2)`,
      [this.chainId, this.contracts.addresses],
    )
    return rows.map((r) => ({ address: r.contract_address, block: Number(r.block_number), hash: r.block_hash }))
  }

  async recordHead(addresses: string[], head: number): Promise<void> {
    await this.pool.query(`UPDATE chain_cursor SET head_block = $2 WHERE chain_id = $1 AND contract_address = ANY($3)`, [
      this.chainId,
      head,
      addresses,
    ])
  }

  async recordError(message: string): Promise<void> {
    await this.pool.query(
      `UPDATE chain_cursor SET last_error = $2, last_error_at = now() WHERE chain_id = $1 AND contract_address = ANY($3)`,
      [this.chainId, message.slice(0, 2000), this.contracts.addresses],
    )
  }
}

// chain_block: hashes of ingested blocks near the head (range ends and blocks with logs), for
// the reorg walk-back in lib/reorg.ts.
import { defineTable, pg, type RowOf } from "@pva/medusa-kit"

export const chainBlockTable = defineTable("chain_block", {
  chain_id: pg.int4,
  block_number: pg.int8,
  block_hash: pg.text,
  parent_hash: pg.text.orNull,
})

export type ChainBlockRow = RowOf<typeof chainBlockTable>

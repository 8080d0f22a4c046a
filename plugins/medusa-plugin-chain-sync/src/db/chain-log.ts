// chain_log: every log of a watched contract, by block hash (a reorg leaves both branches'
// rows). The sync engine writes it in bulk inside a range's transaction (lib/range-store.ts
// with COPY, lib/reorg.ts, lib/announcer.ts); this file is its description.
import { defineTable, pg, type RowOf } from "@pva/medusa-kit"

export type ChainLogStatus = "seen" | "confirmed" | "removed"

export const chainLogTable = defineTable("chain_log", {
  chain_id: pg.int4,
  block_hash: pg.text,
  log_index: pg.int4,
  block_number: pg.int8,
  tx_hash: pg.text,
  tx_index: pg.int4,
  contract_address: pg.text,
  event_name: pg.text,
  args: pg.jsonb<Record<string, unknown>>(),
  status: pg.textOf<ChainLogStatus>(),
  // only an orphaned log consumers were told of still carries a per-row mark
  notified: pg.textOf<"confirmed" | "removed">().orNull,
  created_at: pg.timestamptz,
  updated_at: pg.timestamptz,
})

export type ChainLogRow = RowOf<typeof chainLogTable>

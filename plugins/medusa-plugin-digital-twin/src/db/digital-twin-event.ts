import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export type TwinEventKind = "created" | "sold" | "claim_issued" | "minted" | "transferred" | "attested" | "refunded"

/** A twin's provenance: store events by time, chain events by block and log. */
export const digitalTwinEventTable = defineTable("digital_twin_event", {
  id: pg.int8,
  twin_id: pg.text,
  kind: pg.textOf<TwinEventKind>(),
  from_address: pg.text.orNull,
  to_address: pg.text.orNull,
  tx_hash: pg.text.orNull,
  block_number: pg.int8.orNull,
  log_index: pg.int4.orNull,
  // chain sync's stable id: a chain log is applied once however often it is delivered
  chain_log_id: pg.text.orNull,
  data: pg.jsonb<Record<string, unknown>>(),
  occurred_at: pg.timestamptz,
})

export type TwinEventRow = RowOf<typeof digitalTwinEventTable>

/** A store event (not from the chain); answers its id. */
export async function recordTwinEvent(db: SqlRunner, twinId: string, kind: TwinEventKind, data: Record<string, unknown> = {}): Promise<string> {
  const row = await selectRow<{ id: string }>(db, `INSERT INTO digital_twin_event (twin_id, kind, data) VALUES ($1, $2, $3) RETURNING id::text`, [
    twinId,
    kind,
    JSON.stringify(data),
  ])
  return row!.id
}

export type TimelineEntry = Pick<TwinEventRow, "kind" | "from_address" | "to_address" | "tx_hash" | "log_index" | "data" | "occurred_at"> & {
  block_number: number | null
}

export function timelineOf(db: SqlRunner, twinId: string): Promise<TimelineEntry[]> {
  return selectRows<TimelineEntry>(
    db,
    `SELECT kind, from_address, to_address, tx_hash, block_number::int AS block_number, log_index, data, occurred_at
       FROM digital_twin_event WHERE twin_id = $1 ORDER BY occurred_at, id`,
    [twinId]
  )
}

export type ChainPlace = { txHash: string; blockNumber: number; logIndex: number; chainLogId: string }

/** An admin's off-chain attestation gains the tx and block its on-chain hash landed in. */
export async function placeAttestationOnChain(db: SqlRunner, twinId: string, dataHash: string, place: ChainPlace): Promise<void> {
  await execute(
    db,
    `UPDATE digital_twin_event SET tx_hash = $3, block_number = $4, log_index = $5, chain_log_id = $6
      WHERE twin_id = $1 AND kind = 'attested' AND data->>'data_hash' = $2 AND chain_log_id IS NULL`,
    [twinId, dataHash, place.txHash, place.blockNumber, place.logIndex, place.chainLogId]
  )
}

/** A mint or transfer from the chain; false when this log was applied before. */
export async function recordTransfer(
  db: SqlRunner,
  twinId: string,
  transfer: { kind: "minted" | "transferred"; from: string; to: string } & ChainPlace
): Promise<boolean> {
  const inserted = await execute(
    db,
    `INSERT INTO digital_twin_event (twin_id, kind, from_address, to_address, tx_hash, block_number, log_index, chain_log_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (chain_log_id) DO NOTHING RETURNING id`,
    [twinId, transfer.kind, transfer.from, transfer.to, transfer.txHash, transfer.blockNumber, transfer.logIndex, transfer.chainLogId]
  )
  return inserted > 0
}

/** Takes back what a removed chain log did: its transfer goes, an attestation loses its place. Answers the twins touched by a transfer. */
export async function forgetChainLog(db: SqlRunner, chainLogId: string): Promise<string[]> {
  const removed = await selectRows<{ twin_id: string }>(
    db,
    `DELETE FROM digital_twin_event WHERE chain_log_id = $1 AND kind IN ('minted', 'transferred') RETURNING twin_id`,
    [chainLogId]
  )
  await execute(db, `UPDATE digital_twin_event SET tx_hash = NULL, block_number = NULL, log_index = NULL, chain_log_id = NULL WHERE chain_log_id = $1`, [
    chainLogId,
  ])
  return removed.map((r) => r.twin_id)
}

/** The twin's mints and transfers, latest block last. */
export function transfersOf(db: SqlRunner, twinId: string): Promise<Array<Pick<TwinEventRow, "kind" | "to_address" | "tx_hash" | "block_number">>> {
  return selectRows(
    db,
    `SELECT kind, to_address, tx_hash, block_number FROM digital_twin_event
      WHERE twin_id = $1 AND kind IN ('minted', 'transferred') ORDER BY block_number, log_index`,
    [twinId]
  )
}

/** A new local chain: every chain event is forgotten (the mints are made again). */
export async function forgetAllChainEvents(db: SqlRunner): Promise<void> {
  await execute(db, `DELETE FROM digital_twin_event WHERE kind IN ('minted', 'transferred')`)
  await execute(db, `UPDATE digital_twin_event SET tx_hash = NULL, block_number = NULL, log_index = NULL, chain_log_id = NULL WHERE chain_log_id IS NOT NULL`)
}

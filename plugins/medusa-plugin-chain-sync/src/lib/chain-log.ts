// The shapes of a chain_log row as the engine's parts hand it on (decoded, stored, announced)
// and the event consumers receive for it.

import type { ChainLogEvent } from "@pva/medusa-kit/events"
export { CHAIN_LOG_CONFIRMED, CHAIN_LOG_REMOVED, type ChainLogEvent } from "@pva/medusa-kit/events"

export type Emit = (eventName: string, payload: ChainLogEvent) => unknown | Promise<unknown>

export interface LogRow {
  block_hash: string
  log_index: number
  block_number: string | number
  tx_hash: string
  tx_index: number
  contract_address: string
  event_name: string
  args: Record<string, unknown>
}

/** A log decoded from the node, about to be stored. */
export interface DecodedRow extends LogRow {
  block_number: number
  status: "seen" | "confirmed"
}

/** A stored log as the outbox reads it back; `notified` says what consumers were told of it. */
export interface OutboxRow extends LogRow {
  block_number: string
  notified: "confirmed" | "removed" | null
}

export const OUTBOX_COLUMNS = "block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, notified"

export function toChainLogEvent(chainId: number, contractName: string, row: LogRow): ChainLogEvent {
  return {
    id: `${chainId}:${row.block_hash}:${row.log_index}`,
    chain_id: chainId,
    contract_address: row.contract_address,
    contract_name: contractName,
    event_name: row.event_name,
    args: row.args,
    block_number: Number(row.block_number),
    block_hash: row.block_hash,
    log_index: row.log_index,
    transaction_hash: row.tx_hash,
    transaction_index: row.tx_index,
  }
}

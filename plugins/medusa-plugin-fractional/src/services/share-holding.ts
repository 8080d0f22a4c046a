import type { ChainLogEvent } from "@pva/medusa-kit/events"
import { FractionalService } from "../lib/fractional-service"
import { getAddress, type Address } from "viem"
import type { SqlRunner } from "@pva/medusa-kit"
import { addToBalance, balancesOf, forgetAppliedTransfer, recordAppliedTransfer } from "../db/share-holding"
import type ShareReservationService from "./share-reservation"

const ZERO = "0x0000000000000000000000000000000000000000"

/** A share movement as chain sync hands it over (TransferSingle, or one entry of a TransferBatch). */
export type ShareTransferLog = {
  logId: string
  txHash: string
  blockNumber: number
  from: string
  to: string
  chainOfferingId: string
  value: string
}

/** What chain sync emits. */
export type { ChainLogEvent }

/** The chain log's share movements, one per offering id (a batch becomes several). */
export function shareTransfersOf(event: ChainLogEvent): ShareTransferLog[] {
  if (event.contract_name !== "PVAShares") return []
  const base = { txHash: event.transaction_hash.toLowerCase(), blockNumber: event.block_number, from: String(event.args.from).toLowerCase(), to: String(event.args.to).toLowerCase() }
  if (event.event_name === "TransferSingle") {
    return [{ ...base, logId: event.id, chainOfferingId: String(event.args.id), value: String(event.args.value) }]
  }
  if (event.event_name === "TransferBatch") {
    const ids = Array.isArray(event.args.ids) ? (event.args.ids as unknown[]) : []
    const values = Array.isArray(event.args.values) ? (event.args.values as unknown[]) : []
    return ids.map((id, i) => ({ ...base, logId: `${event.id}:${i}`, chainOfferingId: String(id), value: String(values[i]) }))
  }
  return []
}

/**
 * The store's mirror of share balances, moved only by chain sync's confirmed logs and moved
 * back by removed ones. Each log is applied once (its id is recorded in the same
 * transaction), so repeats and replays count once and a reorg leaves no wrong record.
 */
class ShareHoldingService extends FractionalService {
  private get reservations(): ShareReservationService {
    return this.container.shareReservationService
  }

  async apply(event: ChainLogEvent): Promise<number> {
    let applied = 0
    for (const transfer of shareTransfersOf(event)) {
      await this.atomicPhase_(async (manager) => {
        const recorded = await recordAppliedTransfer(manager, {
          log_id: transfer.logId,
          tx_hash: transfer.txHash,
          chain_offering_id: transfer.chainOfferingId,
          from_wallet: transfer.from,
          to_wallet: transfer.to,
          value: transfer.value,
          block_number: transfer.blockNumber,
        })
        if (!recorded) return
        await this.move(manager, transfer, 1)
        if (transfer.from === ZERO) await this.reservations.settleMint(manager, transfer.txHash)
        applied++
      })
    }
    return applied
  }

  /** A log chain sync had confirmed is gone (reorg): undo exactly what applying it did. */
  async revert(event: ChainLogEvent): Promise<number> {
    let reverted = 0
    for (const transfer of shareTransfersOf(event)) {
      await this.atomicPhase_(async (manager) => {
        if (!(await forgetAppliedTransfer(manager, transfer.logId))) return
        await this.move(manager, transfer, -1)
        if (transfer.from === ZERO) await this.reservations.settleMint(manager, transfer.txHash, true)
        reverted++
      })
    }
    return reverted
  }

  private async move(manager: SqlRunner, t: ShareTransferLog, sign: 1 | -1) {
    // Rows are touched in a fixed order so two transfers between the same wallets cannot deadlock.
    const deltas: Array<[string, string]> = []
    if (t.from !== ZERO) deltas.push([t.from, `${sign === 1 ? "-" : ""}${t.value}`])
    if (t.to !== ZERO) deltas.push([t.to, `${sign === 1 ? "" : "-"}${t.value}`])
    deltas.sort((a, b) => a[0].localeCompare(b[0]))
    for (const [wallet, delta] of deltas) await addToBalance(manager, t.chainOfferingId, wallet, delta)
  }

  /** Balances of one offering from the mirror, largest first. */
  async holdersOf(chainOfferingId: string): Promise<Array<{ wallet: Address; balance: number }>> {
    const rows = await balancesOf(this.activeManager_, chainOfferingId)
    return rows.map((r) => ({ wallet: getAddress(r.wallet), balance: r.balance }))
  }
}

export default ShareHoldingService

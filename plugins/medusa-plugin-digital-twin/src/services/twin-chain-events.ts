import type { SqlRunner } from "@pva/medusa-kit"
import type { ChainLogEvent } from "@pva/medusa-kit/events"
import { clearMint, lockTwinByTokenId, setMinted } from "../db/digital-twin"
import { forgetChainLog, placeAttestationOnChain, recordTransfer, transfersOf } from "../db/digital-twin-event"
import { TwinService } from "../lib/twin-service"

/** What chain sync hands over. */
export type ChainLog = ChainLogEvent

const ZERO = "0x0000000000000000000000000000000000000000"

/**
 * Mirrors PVATwin's logs into twins and their provenance. The chain owns mint and ownership:
 * a confirmed mint sets minted and the owner, later transfers move the owner, a removed log is
 * taken back and the twin's state recomputed from what remains. Each log applies once (its id
 * is unique in the timeline).
 */
export default class TwinChainEventsService extends TwinService {
  static identifier = "twinChainEventsService"
  private isOurs(log: ChainLog): boolean {
    if (log.contract_name !== "PVATwin") return false
    try {
      return log.contract_address.toLowerCase() === this.container_.twinChainService.twinAddress().toLowerCase()
    } catch {
      return false
    }
  }

  async applyConfirmed(log: ChainLog): Promise<void> {
    if (!this.isOurs(log) || (log.event_name !== "Transfer" && log.event_name !== "Attested")) return
    const tokenId = String(log.args.tokenId)
    await this.atomicPhase_(async (manager) => {
      const twinId = await lockTwinByTokenId(manager, tokenId)
      if (!twinId) return
      const place = { txHash: log.transaction_hash, blockNumber: log.block_number, logIndex: log.log_index, chainLogId: log.id }
      if (log.event_name === "Attested") {
        // An on-chain attestation the admin made: the off-chain record gains its tx and block.
        await placeAttestationOnChain(manager, twinId, String(log.args.dataHash).toLowerCase(), place)
        return
      }
      const from = String(log.args.from).toLowerCase()
      const to = String(log.args.to).toLowerCase()
      const applied = await recordTransfer(manager, twinId, { kind: from === ZERO ? "minted" : "transferred", from, to, ...place })
      if (applied) await this.recompute(manager, twinId)
    })
  }

  async applyRemoved(log: ChainLog): Promise<void> {
    if (!this.isOurs(log)) return
    await this.atomicPhase_(async (manager) => {
      const touched = await forgetChainLog(manager, log.id)
      for (const twin_id of touched) await this.recompute(manager, twin_id)
    })
  }

  /** Status, owner and mint from the chain events the timeline holds, latest block last. */
  private async recompute(manager: SqlRunner, twinId: string): Promise<void> {
    const events = await transfersOf(manager, twinId)
    const mint = events.find((e) => e.kind === "minted")
    if (mint) {
      const last = events[events.length - 1]
      await setMinted(manager, twinId, { owner: last.to_address, txHash: mint.tx_hash, block: mint.block_number })
    } else {
      await clearMint(manager, twinId)
    }
  }
}

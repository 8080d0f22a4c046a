import { rowsOf } from "@pva/medusa-kit"
import { TwinService } from "../lib/twin-service"

/** What chain sync hands over (see @pva/medusa-plugin-chain-sync's ChainLogEvent). */
export type ChainLog = {
  id: string
  chain_id: number
  contract_address: string
  contract_name: string
  event_name: string
  args: Record<string, any>
  block_number: number
  block_hash: string
  log_index: number
  transaction_hash: string
}

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
      const [twin] = await manager.query(`SELECT id FROM digital_twin WHERE token_id = $1 FOR UPDATE`, [tokenId])
      if (!twin) return
      if (log.event_name === "Attested") {
        // An on-chain attestation the admin made: the off-chain record gains its tx and block.
        await manager.query(
          `UPDATE digital_twin_event SET tx_hash = $3, block_number = $4, log_index = $5, chain_log_id = $6
            WHERE twin_id = $1 AND kind = 'attested' AND data->>'data_hash' = $2 AND chain_log_id IS NULL`,
          [twin.id, String(log.args.dataHash).toLowerCase(), log.transaction_hash, log.block_number, log.log_index, log.id]
        )
        return
      }
      const from = String(log.args.from).toLowerCase()
      const to = String(log.args.to).toLowerCase()
      const inserted = rowsOf(
        await manager.query(
          `INSERT INTO digital_twin_event (twin_id, kind, from_address, to_address, tx_hash, block_number, log_index, chain_log_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (chain_log_id) DO NOTHING RETURNING id`,
          [twin.id, from === ZERO ? "minted" : "transferred", from, to, log.transaction_hash, log.block_number, log.log_index, log.id]
        )
      )
      if (inserted.length) await this.recompute(manager, twin.id)
    })
  }

  async applyRemoved(log: ChainLog): Promise<void> {
    if (!this.isOurs(log)) return
    await this.atomicPhase_(async (manager) => {
      const removed = rowsOf<{ twin_id: string }>(
        await manager.query(`DELETE FROM digital_twin_event WHERE chain_log_id = $1 AND kind IN ('minted', 'transferred') RETURNING twin_id`, [log.id])
      )
      await manager.query(
        `UPDATE digital_twin_event SET tx_hash = NULL, block_number = NULL, log_index = NULL, chain_log_id = NULL WHERE chain_log_id = $1`,
        [log.id]
      )
      for (const { twin_id } of removed) await this.recompute(manager, twin_id)
    })
  }

  /** Status, owner and mint from the chain events the timeline holds, latest block last. */
  private async recompute(manager: any, twinId: string): Promise<void> {
    const events = await manager.query(
      `SELECT kind, to_address, tx_hash, block_number FROM digital_twin_event
        WHERE twin_id = $1 AND kind IN ('minted', 'transferred') ORDER BY block_number, log_index`,
      [twinId]
    )
    const mint = events.find((e: any) => e.kind === "minted")
    if (mint) {
      const last = events[events.length - 1]
      await manager.query(
        `UPDATE digital_twin SET status = 'minted', owner_address = $2, mint_tx_hash = $3, mint_block = $4, updated_at = now() WHERE id = $1`,
        [twinId, last.to_address, mint.tx_hash, mint.block_number]
      )
    } else {
      // The mint is gone with its block: the twin is claimable again by the wallet it was bound to.
      await manager.query(
        `UPDATE digital_twin SET status = CASE WHEN claim_wallet IS NULL THEN 'issued' ELSE 'bound' END,
                owner_address = NULL, mint_tx_hash = NULL, mint_block = NULL, relay_tx_hash = NULL, updated_at = now()
          WHERE id = $1`,
        [twinId]
      )
    }
  }
}

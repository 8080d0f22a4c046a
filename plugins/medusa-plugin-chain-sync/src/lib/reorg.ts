// Reorg handling: the stored block at `from` is no longer canonical. Walks back over the stored
// block hashes to the highest one the chain still has, marks every log above it `removed`
// (owing consumers a removal for those they were told of) and moves the cursors back there;
// the engine's next steps re-ingest the canonical blocks.
import { withClient } from "@pva/medusa-kit"
import type { Pool } from "pg"
import type { FailoverRpc, RpcBlock } from "./rpc-failover"
import type { WatchedContracts } from "./watched-contracts"

export interface Rewind {
  /** The highest stored block the chain still has. */
  ancestor: number
  /** Logs marked `removed`. */
  removed: number
}

export class ReorgHandler {
  constructor(
    private readonly pool: Pool,
    private readonly rpc: FailoverRpc,
    private readonly chainId: number,
    private readonly contracts: WatchedContracts,
    private readonly logger: Pick<Console, "info" | "warn">,
  ) {}

  async rewind(from: number, head: number): Promise<Rewind> {
    const ancestor = await this.commonAncestor(from, head)
    if (ancestor.number === from) {
      this.logger.warn(`chain-sync: block ${from + 1} names a parent other than the stored block ${from}, which is still canonical`)
      return { ancestor: from, removed: 0 }
    }
    const addresses = this.contracts.addresses
    return withClient(this.pool, async (client) => {
      try {
        await client.query("BEGIN")
        // Logs consumers were told of now owe them a removal; the others vanish silently.
        const removed = await client.query(
          `UPDATE chain_log l SET status = 'removed', updated_at = now(),
             notified = CASE WHEN l.status = 'confirmed'
               AND (l.block_number, l.log_index) <= (c.announced_block, c.announced_log_index) THEN 'confirmed' ELSE l.notified END
           FROM chain_cursor c
           WHERE c.chain_id = $1 AND c.contract_address = ANY($3) AND l.chain_id = c.chain_id
             AND l.contract_address = c.contract_address AND l.block_number > $2 AND l.status <> 'removed'`,
          [this.chainId, ancestor.number, addresses],
        )
        await client.query(`DELETE FROM chain_block WHERE chain_id = $1 AND block_number > $2`, [this.chainId, ancestor.number])
        await client.query(
          `UPDATE chain_cursor SET block_number = GREATEST($2, start_block - 1),
             block_hash = CASE WHEN $2 >= start_block - 1 THEN $3 ELSE NULL END, reorgs = reorgs + 1, updated_at = now()
           WHERE chain_id = $1 AND block_number > $2 AND contract_address = ANY($4)`,
          [this.chainId, ancestor.number, ancestor.hash, addresses],
        )
        await client.query(
          `UPDATE chain_cursor SET announced_block = $2, announced_log_index = 2147483647
           WHERE chain_id = $1 AND announced_block > $2 AND contract_address = ANY($3)`,
          [this.chainId, ancestor.number, addresses],
        )
        await client.query("COMMIT")
        this.logger.info(`chain-sync: reorg at block ${from}; common ancestor ${ancestor.number}, ${removed.rowCount ?? 0} log(s) removed`)
        return { ancestor: ancestor.number, removed: removed.rowCount ?? 0 }
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined)
        throw error
      }
    })
  }

  private async commonAncestor(from: number, head: number): Promise<{ number: number; hash: string | null }> {
    let below = from + 1
    for (;;) {
      const { rows } = await this.pool.query<{ block_number: string; block_hash: string }>(
        `SELECT block_number, block_hash FROM chain_block WHERE chain_id = $1 AND block_number < $2
         ORDER BY block_number DESC LIMIT 32`,
        [this.chainId, below],
      )
      if (!rows.length) break
      const candidates = rows.map((r) => ({ number: Number(r.block_number), hash: r.block_hash }))
      const inChain = candidates.filter((c) => c.number <= head)
      const canonical = await this.rpc.getBlocks(inChain.map((c) => c.number))
      const hashes = new Map(canonical.filter((b): b is RpcBlock => !!b).map((b) => [b.number, b.hash]))
      const ancestor = candidates.find((c) => hashes.get(c.number) === c.hash)
      if (ancestor) return ancestor
      below = candidates[candidates.length - 1].number
    }
    // Deeper than the blocks we keep: start over from the contracts' start blocks.
    const start = this.contracts.firstStartBlock
    this.logger.warn(`chain-sync: reorg below the kept block hashes; re-reading from block ${start}`)
    return { number: start - 1, hash: null }
  }
}

// The outbox side: tells consumers of logs once they are confirmed, and of removals of logs
// they were told of, and records what they heard (a per-contract watermark for confirmations,
// a per-row mark for removals).
import type { Pool } from "pg"
import {
  CHAIN_LOG_CONFIRMED,
  CHAIN_LOG_REMOVED,
  OUTBOX_COLUMNS,
  toChainLogEvent,
  type ChainLogEvent,
  type DecodedRow,
  type Emit,
  type LogRow,
  type OutboxRow,
} from "./chain-log"
import type { StoredRange } from "./range-store"
import type { WatchedContracts } from "./watched-contracts"

export class Announcer {
  /**
   * Confirmed logs committed since the outbox was last seen empty, in order; undefined when
   * unknown. Only kept while the engine holds the follower lock: it is then the only writer,
   * so the drain can announce from memory instead of reading back what it just wrote.
   */
  private committedUnannounced: ChainLogEvent[] | undefined

  constructor(
    private readonly pool: Pool,
    private readonly chainId: number,
    private readonly contracts: WatchedContracts,
    private readonly emit: Emit | undefined,
  ) {}

  /** What was committed is no longer known from memory (a reorg, a failed commit, the lock let go). */
  forget(): void {
    this.committedUnannounced = undefined
  }

  /** Remembers the logs a committed range confirmed, unless it met rows stored before. */
  committed(rows: DecodedRow[], { stored, deepEnough }: StoredRange): void {
    const queue = this.committedUnannounced
    if (queue && stored === rows.length && deepEnough.every((r) => r.notified !== "confirmed")) {
      for (const row of deepEnough) queue.push(this.event(row))
      for (const row of rows) if (row.status === "confirmed") queue.push(this.event(row))
      queue.sort((a, b) => a.block_number - b.block_number || a.log_index - b.log_index)
    } else {
      // Rows that were there already (a replay, a block coming back): the table knows best.
      this.committedUnannounced = undefined
    }
  }

  /**
   * Tells consumers what they have not heard of, then records it: first removals of logs they
   * were told of (so they undo before hearing of the replacement), then confirmations in
   * (block, log index) order, recorded as a per-contract watermark. Emitting happens after the
   * state change committed and the record after the emit: a crash between the two re-sends
   * those events on restart (at-least-once across crashes, exactly once otherwise; payload `id`
   * lets consumers dedupe). `soleWriter`: the caller holds the follower lock.
   */
  async drain(soleWriter: boolean, batchSize = 5_000): Promise<number> {
    const emit = this.emit
    if (!emit) return 0
    if (!soleWriter) this.committedUnannounced = undefined
    if (this.committedUnannounced) return this.announceCommitted(emit, this.committedUnannounced)
    const told = (await this.drainRemovals(emit, batchSize)) + (await this.drainConfirmations(emit, batchSize))
    if (soleWriter) this.committedUnannounced = []
    return told
  }

  private async announceCommitted(emit: Emit, queue: ChainLogEvent[]): Promise<number> {
    const told = new Map<string, { block: number; logIndex: number }>()
    let sent = 0
    try {
      for (const event of queue) {
        await emit(CHAIN_LOG_CONFIRMED, event)
        sent++
        told.set(event.contract_address, { block: event.block_number, logIndex: event.log_index })
      }
    } finally {
      this.committedUnannounced = sent === queue.length ? [] : undefined
      await this.recordAnnounced(told)
    }
    return sent
  }

  /** Moves each contract's watermark up to the last confirmed log it was told of. */
  private async recordAnnounced(told: Map<string, { block: number | string; logIndex: number }>): Promise<void> {
    if (!told.size) return
    await this.pool.query(
      `UPDATE chain_cursor c SET announced_block = d.block, announced_log_index = d.log_index
       FROM unnest($2::text[], $3::bigint[], $4::int[]) AS d(contract_address, block, log_index)
       WHERE c.chain_id = $1 AND c.contract_address = d.contract_address
         AND (c.announced_block, c.announced_log_index) < (d.block, d.log_index)`,
      [this.chainId, [...told.keys()], [...told.values()].map((t) => t.block), [...told.values()].map((t) => t.logIndex)],
    )
  }

  private async drainRemovals(emit: Emit, batchSize: number): Promise<number> {
    let total = 0
    for (;;) {
      const { rows } = await this.pool.query<OutboxRow>(
        `SELECT ${OUTBOX_COLUMNS} FROM chain_log
         WHERE chain_id = $1 AND status = 'removed' AND notified = 'confirmed'
         ORDER BY block_number DESC, log_index DESC LIMIT $2`,
        [this.chainId, batchSize],
      )
      if (!rows.length) return total
      const done: OutboxRow[] = []
      try {
        for (const row of rows) {
          await emit(CHAIN_LOG_REMOVED, this.event(row))
          done.push(row)
        }
      } finally {
        if (done.length) {
          await this.pool.query(
            `UPDATE chain_log l SET notified = 'removed'
             FROM unnest($2::text[], $3::int[]) AS d(block_hash, log_index)
             WHERE l.chain_id = $1 AND l.block_hash = d.block_hash AND l.log_index = d.log_index AND l.status = 'removed'`,
            [this.chainId, done.map((r) => r.block_hash), done.map((r) => r.log_index)],
          )
        }
      }
      total += done.length
      if (rows.length < batchSize) return total
    }
  }

  private async drainConfirmations(emit: Emit, batchSize: number): Promise<number> {
    let total = 0
    for (;;) {
      // Per contract the confirmed logs form a prefix of its history, so everything above the
      // watermark is unannounced; each contract's slice is read in index order, then merged.
      const { rows } = await this.pool.query<OutboxRow>(
        `SELECT l.* FROM chain_cursor c CROSS JOIN LATERAL (
           SELECT ${OUTBOX_COLUMNS} FROM chain_log l
           WHERE l.chain_id = c.chain_id AND l.contract_address = c.contract_address AND l.status = 'confirmed'
             AND (l.block_number, l.log_index) > (c.announced_block, c.announced_log_index)
           ORDER BY l.block_number, l.log_index LIMIT $3) l
         WHERE c.chain_id = $1 AND c.contract_address = ANY($2)
         ORDER BY l.block_number, l.log_index LIMIT $3`,
        [this.chainId, this.contracts.addresses, batchSize],
      )
      if (!rows.length) return total
      const told = new Map<string, { block: string; logIndex: number }>()
      try {
        for (const row of rows) {
          // Told of already: its removal was owed when the block came back (A -> B -> A).
          if (row.notified !== "confirmed") {
            await emit(CHAIN_LOG_CONFIRMED, this.event(row))
            total++
          }
          told.set(row.contract_address, { block: row.block_number, logIndex: row.log_index })
        }
      } finally {
        await this.recordAnnounced(told)
      }
      if (rows.length < batchSize) return total
    }
  }

  private event(row: LogRow): ChainLogEvent {
    return toChainLogEvent(this.chainId, this.contracts.nameOf(row.contract_address), row)
  }
}

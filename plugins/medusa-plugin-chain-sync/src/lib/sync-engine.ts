// The chain follower, free of Medusa: a pg Pool, a FailoverRpc, the contracts, a confirmation
// depth and an `emit` function. See README.md for the design (reorgs, outbox, exactly-once).
// This file ties the parts together: range-reader.ts (eth_getLogs, read-ahead, decoding),
// range-store.ts (COPY / merge), reorg.ts (walk-back), announcer.ts (the outbox).
import { holdClient, type HeldClient } from "@pva/medusa-kit"
import type { Pool, PoolClient } from "pg"
import { Announcer } from "./announcer"
import type { Emit } from "./chain-log"
import { Cursors } from "../db/chain-cursor"
import { RangeReader } from "./range-reader"
import { RangeStore } from "./range-store"
import { ReorgHandler, type Rewind } from "./reorg"
import type { FailoverRpc, RpcBlock } from "./rpc-failover"
import { WatchedContracts, type ContractSpec } from "./watched-contracts"

export { CHAIN_LOG_CONFIRMED, CHAIN_LOG_REMOVED, type ChainLogEvent, type Emit } from "./chain-log"
export type { ContractSpec } from "./watched-contracts"

export interface SyncEngineOptions {
  pool: Pool
  rpc: FailoverRpc
  chainId: number
  contracts: ContractSpec[]
  /** Blocks on top of a log's block before it is confirmed; 0 confirms at once. */
  confirmations: number
  /** Consumers' side. Without it logs are stored and confirmed, and stay in the outbox. */
  emit?: Emit
  initialRange?: number
  maxRange?: number
  /** Ranges grow while a response has fewer logs than this. */
  targetLogsPerRange?: number
  pollIntervalMs?: number
  /** Near the head, a range is checked for a reorg that happened while it was read. */
  unsafeWindow?: number
  /** chain_block rows kept below the cursor for walk-back. */
  keepBlocks?: number
  /** Ranges read ahead of the one being stored during a backfill (default 2). */
  readAheadRanges?: number
  logger?: Pick<Console, "info" | "warn" | "error">
  onRange?: (progress: RangeProgress) => void
}

export interface RangeProgress {
  fromBlock: number
  toBlock: number
  logs: number
  stored: number
  ignored: number
  head: number
  target: number
}

export interface IgnoredCounts {
  foreign: number
  unknownTopic: number
  malformed: number
}

export interface StepResult {
  /** Nothing left to read up to the target. */
  caughtUp: boolean
  head: number
  reorg?: Rewind
  range?: RangeProgress
}

/** start() stopped because the connection holding the follower lock was lost. */
export class LockLostError extends Error {
  constructor(chainId: number, cause: Error) {
    super(`chain-sync (chain ${chainId}): the follower lock's connection was lost (${cause.message})`)
    this.name = "LockLostError"
  }
}

export class SyncEngine {
  readonly chainId: number
  readonly confirmations: number
  readonly ignored: IgnoredCounts = { foreign: 0, unknownTopic: 0, malformed: 0 }
  lastError: string | undefined
  lastHead: number | undefined
  private readonly pool: Pool
  private readonly rpc: FailoverRpc
  private readonly cursors: Cursors
  private readonly reader: RangeReader
  private readonly store: RangeStore
  private readonly reorgs: ReorgHandler
  private readonly announcer: Announcer
  private readonly pollIntervalMs: number
  private readonly unsafeWindow: number
  private readonly logger: Pick<Console, "info" | "warn" | "error">
  private lock: HeldClient<PoolClient> | undefined
  /** The connection holding the lock was lost: following stops until the lock is taken again. */
  private lockLost: Error | undefined
  private stopped = false
  private wake: (() => void) | undefined
  private running: Promise<void> | undefined
  private lastHeadAt: number | undefined
  private trustedParent: string | undefined

  constructor(private readonly options: SyncEngineOptions) {
    this.pool = options.pool
    this.rpc = options.rpc
    this.chainId = options.chainId
    this.confirmations = Math.max(0, Math.floor(options.confirmations))
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000
    this.unsafeWindow = options.unsafeWindow ?? 64
    this.logger = options.logger ?? console
    const contracts = new WatchedContracts(options.contracts)
    this.cursors = new Cursors(this.pool, this.chainId, contracts)
    this.reader = new RangeReader({
      rpc: this.rpc,
      chainId: this.chainId,
      contracts,
      confirmations: this.confirmations,
      initialRange: options.initialRange ?? 10,
      maxRange: options.maxRange ?? 50_000,
      targetLogsPerRange: options.targetLogsPerRange ?? 5_000,
      unsafeWindow: this.unsafeWindow,
      readAheadRanges: Math.max(0, options.readAheadRanges ?? 2),
    })
    this.store = new RangeStore(this.pool, this.chainId, this.confirmations, options.keepBlocks ?? 1_024)
    this.reorgs = new ReorgHandler(this.pool, this.rpc, this.chainId, contracts, this.logger)
    this.announcer = new Announcer(this.pool, this.chainId, contracts, options.emit)
  }

  // ------------------------------------------------------------------ lifecycle

  /**
   * One follower per chain: a session advisory lock held on a dedicated connection. When
   * PostgreSQL ends that connection the lock is gone with it: another process may take it, so
   * start() stops following and the caller takes the lock again before resuming.
   */
  async acquireLock(): Promise<boolean> {
    if (this.lock) return true
    const lock = await holdClient(this.pool, (err) => this.onLockLost(lock, err))
    let ok: boolean
    try {
      const { rows } = await lock.client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [this.lockKey])
      ok = rows[0].ok
    } catch (error) {
      lock.release()
      throw error
    }
    if (!ok) {
      lock.release()
      return false
    }
    this.lock = lock
    this.lockLost = undefined
    return true
  }

  async releaseLock(): Promise<void> {
    const lock = this.lock
    this.lock = undefined
    this.announcer.forget()
    if (!lock) return
    try {
      await lock.client.query("SELECT pg_advisory_unlock(hashtext($1))", [this.lockKey])
    } finally {
      lock.release()
    }
  }

  /** Whether this engine holds the follower lock now. */
  get holdsLock(): boolean {
    return this.lock !== undefined
  }

  private get lockKey(): string {
    return `pva-chain-sync:${this.chainId}`
  }

  private onLockLost(lock: HeldClient<PoolClient>, err: Error): void {
    if (this.lock !== lock) return
    this.lock = undefined
    this.lockLost = err
    // Another follower may write from now on: what was committed is no longer known from memory.
    this.announcer.forget()
    this.logger.warn(`chain-sync (chain ${this.chainId}): lost the connection holding the follower lock (${err.message}); taking it again`)
    this.wake?.()
  }

  /** Creates the cursors of contracts seen for the first time (one block before their start). */
  init(): Promise<void> {
    return this.cursors.init()
  }

  /** Follows the chain until stop(): catch up range by range, then poll for new heads. */
  start(): Promise<void> {
    if (this.running) return this.running
    this.stopped = false
    this.running = (async () => {
      await this.init()
      while (!this.stopped) {
        this.throwIfLockLost()
        let caughtUp = true
        try {
          const result = await this.step()
          caughtUp = result.caughtUp
          this.throwIfLockLost()
          await this.drainOutbox()
        } catch (error) {
          if (error instanceof LockLostError) throw error
          await this.recordError(error)
        }
        if (caughtUp && !this.stopped) await this.sleep(this.pollIntervalMs)
      }
    })().finally(() => {
      this.running = undefined
    })
    return this.running
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.wake?.()
    await this.running
  }

  /** Catches up to `to` (default: the head) and returns; what the CLI backfill runs. */
  async syncTo(to?: number, shouldStop: () => boolean = () => false): Promise<void> {
    await this.init()
    for (;;) {
      if (shouldStop()) return
      // Without the lock another follower may be writing: stop, a rerun resumes from the cursors.
      this.throwIfLockLost()
      const result = await this.step(to)
      if (this.options.emit) await this.drainOutbox()
      if (result.caughtUp) return
    }
  }

  /** Tells consumers what they have not heard of yet (see Announcer.drain). */
  drainOutbox(batchSize = 5_000): Promise<number> {
    return this.announcer.drain(this.lock !== undefined, batchSize)
  }

  private throwIfLockLost(): void {
    if (this.lockLost) throw new LockLostError(this.chainId, this.lockLost)
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.wake = done
    })
  }

  private async recordError(error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error)
    this.lastError = message
    this.logger.warn(`chain-sync (chain ${this.chainId}): ${message}`)
    try {
      await this.cursors.recordError(message)
    } catch {
      // the database is what failed; the next step retries
    }
  }

  // ---------------------------------------------------------------------- steps

  /**
   * Reads one range for the contracts whose cursor is lowest (contracts that start later are
   * caught up separately and then move together), or checks the tip for a reorg when there is
   * nothing new.
   */
  async step(to?: number): Promise<StepResult> {
    const cursors = await this.cursors.load()
    const lowest = Math.min(...cursors.map((c) => c.block))
    const head = await this.head(lowest)
    const target = to === undefined ? head : Math.min(to, head)
    if (!cursors.length) return { caughtUp: true, head }
    const group = cursors.filter((c) => c.block === lowest)
    const cursor = group[0]

    // Nothing new: make sure what we hold is still the chain (a revert can shorten it).
    if (lowest >= target) {
      const tip = cursors.reduce((a, b) => (b.block > a.block ? b : a))
      if (tip.hash && tip.block > head) return { caughtUp: false, head, reorg: await this.rewind(tip.block, head) }
      if (tip.hash && tip.block >= head - this.unsafeWindow) {
        const block = await this.rpc.getBlock(tip.block)
        if (!block || block.hash !== tip.hash) return { caughtUp: false, head, reorg: await this.rewind(tip.block, head) }
      }
      await this.cursors.recordHead(cursors.map((c) => c.address), head)
      return { caughtUp: true, head }
    }

    const higher = cursors.filter((c) => c.block > lowest).map((c) => c.block)
    const ceiling = higher.length ? Math.min(target, ...higher) : target
    const from = lowest + 1
    const addresses = group.map((c) => c.address)
    const plan = await this.reader.plan(from, ceiling, addresses, head)

    // The first new block must sit on the block we stored last.
    let first: RpcBlock | null = plan.ahead?.first ?? null
    if (cursor.hash) {
      first ??= await this.rpc.getBlock(from)
      if (!first) return { caughtUp: false, head }
      if (first.parentHash !== cursor.hash && this.trustedParent !== `${lowest}:${cursor.hash}`) {
        const reorg = await this.rewind(lowest, head)
        // The block we hold is still canonical although the next one names another parent:
        // the node's answer is inconsistent (hardhat_mine's reserved blocks have a zero
        // parent hash). Go on from the verified block instead of walking back forever.
        if (reorg.ancestor === lowest) this.trustedParent = `${lowest}:${cursor.hash}`
        return { caughtUp: false, head, reorg }
      }
    }

    const read = await this.reader.read(plan, first)
    if (!read) return { caughtUp: false, head }
    const { rows, ignored, copy } = read.prepared
    this.ignored.foreign += ignored.foreign
    this.ignored.unknownTopic += ignored.unknownTopic
    this.ignored.malformed += ignored.malformed
    let stored: number
    try {
      const result = await this.store.commit({
        addresses,
        from,
        to: read.to,
        first,
        end: read.end,
        head,
        rows,
        copy,
        ignoredByContract: ignored.byContract,
      })
      this.announcer.committed(rows, result)
      stored = result.stored
    } catch (error) {
      this.announcer.forget()
      throw error
    }
    const range: RangeProgress = { fromBlock: from, toBlock: read.to, logs: read.logs, stored, ignored: ignored.total, head, target }
    this.options.onRange?.(range)
    return { caughtUp: read.to >= target, head, range }
  }

  /**
   * Deep in a backfill a head read a moment ago will do (it only errs low, toward caution):
   * asking again each range would queue behind the ranges being read ahead.
   */
  private async head(lowest: number): Promise<number> {
    const fresh = this.lastHeadAt !== undefined && Date.now() - this.lastHeadAt < this.pollIntervalMs
    if (fresh && this.lastHead !== undefined && lowest + this.reader.range < this.lastHead - this.unsafeWindow) return this.lastHead
    const head = await this.rpc.blockNumber()
    this.lastHead = head
    this.lastHeadAt = Date.now()
    return head
  }

  /** Whatever the walk-back did, the announcer's memory of committed logs may be stale. */
  private async rewind(from: number, head: number): Promise<Rewind> {
    try {
      return await this.reorgs.rewind(from, head)
    } finally {
      this.announcer.forget()
    }
  }
}

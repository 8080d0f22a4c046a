// The chain follower, free of Medusa: a pg Pool, a FailoverRpc, the contracts, a confirmation
// depth and an `emit` function. See README.md for the design (reorgs, outbox, exactly-once).
import type { Pool, PoolClient } from "pg"
import { toEventSelector, type Abi } from "viem"
import { copyField, copyFromText } from "./copy-text"
import { compileLogDecoder, type LogDecoder } from "./log-decoder"
import { FailoverRpc, RpcError, type RpcBlock, type RpcLog } from "./rpc-failover"

export const CHAIN_LOG_CONFIRMED = "chain.log.confirmed"
export const CHAIN_LOG_REMOVED = "chain.log.removed"

export interface ContractSpec {
  name: string
  address: string
  abi: Abi
  /** Event names to store; default: every event in the ABI. Other topics are ignored and counted. */
  events?: string[]
  /** First block to scan (the deployment block). */
  startBlock: number
}

export interface ChainLogEvent {
  /** `${chain_id}:${block_hash}:${log_index}`: stable across redeliveries, for consumers that dedupe. */
  id: string
  chain_id: number
  contract_address: string
  contract_name: string
  event_name: string
  args: Record<string, unknown>
  block_number: number
  block_hash: string
  log_index: number
  transaction_hash: string
  transaction_index: number
}

export type Emit = (eventName: string, payload: ChainLogEvent) => unknown | Promise<unknown>

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

interface Cursor {
  address: string
  block: number
  hash: string | null
}

interface DecodedRow {
  block_hash: string
  log_index: number
  block_number: number
  tx_hash: string
  tx_index: number
  contract_address: string
  event_name: string
  args: Record<string, unknown>
  status: "seen" | "confirmed"
}

interface PreparedRange {
  rows: DecodedRow[]
  ignored: { foreign: number; unknownTopic: number; malformed: number; total: number; byContract: Map<string, number> }
  /** The rows in COPY's text format (see COPY_LOGS). */
  copy: string
  /** False when one block number came with two hashes. */
  consistent: boolean
}

interface RangeRead {
  to: number
  first: RpcBlock | null
  end: RpcBlock | null
  logs: number
  prepared: PreparedRange
}

export interface StepResult {
  /** Nothing left to read up to the target. */
  caughtUp: boolean
  head: number
  reorg?: { ancestor: number; removed: number }
  range?: RangeProgress
}

class RangeRefused extends Error {
  constructor(
    message: string,
    readonly refusal?: Error,
  ) {
    super(message)
  }
}

export class SyncEngine {
  readonly chainId: number
  readonly confirmations: number
  readonly ignored: IgnoredCounts = { foreign: 0, unknownTopic: 0, malformed: 0 }
  private readonly pool: Pool
  private readonly rpc: FailoverRpc
  private readonly contracts = new Map<string, { spec: ContractSpec; events: Map<string, LogDecoder> }>()
  private range: number
  private readonly maxRange: number
  private readonly targetLogs: number
  private readonly pollIntervalMs: number
  private readonly unsafeWindow: number
  private readonly keepBlocks: number
  private readonly logger: Pick<Console, "info" | "warn" | "error">
  private lockClient: PoolClient | undefined
  private stopped = false
  private wake: (() => void) | undefined
  private running: Promise<void> | undefined
  lastError: string | undefined
  lastHead: number | undefined
  private lastHeadAt: number | undefined
  private trustedParent: string | undefined
  /** Ranges being read ahead, in order: the node, the decoder and the database then work at once. */
  private readsAhead: Array<{ from: number; to: number; key: string; read: Promise<RangeRead> }> = []
  private readonly readAheadRanges: number
  /**
   * Confirmed logs committed since the outbox was last seen empty, in order; undefined when
   * unknown. Only kept while this engine holds the follower lock: it is then the only writer,
   * so the drain can announce from memory instead of reading back what it just wrote.
   */
  private committedUnannounced: ChainLogEvent[] | undefined

  constructor(private readonly options: SyncEngineOptions) {
    this.pool = options.pool
    this.rpc = options.rpc
    this.chainId = options.chainId
    this.confirmations = Math.max(0, Math.floor(options.confirmations))
    this.range = options.initialRange ?? 10
    this.maxRange = options.maxRange ?? 50_000
    this.targetLogs = options.targetLogsPerRange ?? 5_000
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000
    this.unsafeWindow = options.unsafeWindow ?? 64
    this.keepBlocks = options.keepBlocks ?? 1_024
    this.readAheadRanges = Math.max(0, options.readAheadRanges ?? 2)
    this.logger = options.logger ?? console
    for (const spec of options.contracts) {
      const events = new Map<string, LogDecoder>()
      for (const item of spec.abi) {
        if (item.type !== "event") continue
        if (spec.events && !spec.events.includes(item.name)) continue
        events.set(toEventSelector(item).toLowerCase(), compileLogDecoder(item))
      }
      this.contracts.set(spec.address.toLowerCase(), { spec, events })
    }
  }

  // ------------------------------------------------------------------ lifecycle

  /** One follower per chain: a session advisory lock held on a dedicated connection. */
  async acquireLock(): Promise<boolean> {
    if (this.lockClient) return true
    const client = await this.pool.connect()
    const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock(hashtext($1)) AS ok", [
      `pva-chain-sync:${this.chainId}`,
    ])
    if (!rows[0].ok) {
      client.release()
      return false
    }
    this.lockClient = client
    return true
  }

  async releaseLock(): Promise<void> {
    const client = this.lockClient
    this.lockClient = undefined
    this.committedUnannounced = undefined
    if (!client) return
    try {
      await client.query("SELECT pg_advisory_unlock(hashtext($1))", [`pva-chain-sync:${this.chainId}`])
    } finally {
      client.release()
    }
  }

  /** Creates the cursors of contracts seen for the first time (one block before their start). */
  async init(): Promise<void> {
    for (const { spec } of this.contracts.values()) {
      await this.pool.query(
        `INSERT INTO chain_cursor (chain_id, contract_address, contract_name, start_block, block_number)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (chain_id, contract_address) DO NOTHING`,
        [this.chainId, spec.address.toLowerCase(), spec.name, spec.startBlock, spec.startBlock - 1],
      )
    }
  }

  /** Follows the chain until stop(): catch up range by range, then poll for new heads. */
  start(): Promise<void> {
    if (this.running) return this.running
    this.stopped = false
    this.running = (async () => {
      await this.init()
      while (!this.stopped) {
        let caughtUp = true
        try {
          const result = await this.step()
          caughtUp = result.caughtUp
          await this.drainOutbox()
        } catch (error) {
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
      const result = await this.step(to)
      if (this.options.emit) await this.drainOutbox()
      if (result.caughtUp) return
    }
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
      await this.pool.query(
        `UPDATE chain_cursor SET last_error = $2, last_error_at = now() WHERE chain_id = $1 AND contract_address = ANY($3)`,
        [this.chainId, message.slice(0, 2000), [...this.contracts.keys()]],
      )
    } catch {
      // the database is what failed; the next step retries
    }
  }

  // ---------------------------------------------------------------------- steps

  private async loadCursors(): Promise<Cursor[]> {
    const { rows } = await this.pool.query<{ contract_address: string; block_number: string; block_hash: string | null }>(
      `SELECT contract_address, block_number, block_hash FROM chain_cursor WHERE chain_id = $1 AND contract_address = ANY($2)`,
      [this.chainId, [...this.contracts.keys()]],
    )
    return rows.map((r) => ({ address: r.contract_address, block: Number(r.block_number), hash: r.block_hash }))
  }

  /**
   * Reads one range for the contracts whose cursor is lowest (contracts that start later are
   * caught up separately and then move together), or checks the tip for a reorg when there is
   * nothing new.
   */
  async step(to?: number): Promise<StepResult> {
    const cursors = await this.loadCursors()
    const lowest = Math.min(...cursors.map((c) => c.block))
    // Deep in a backfill a head read a moment ago will do (it only errs low, toward caution):
    // asking again each range would queue behind the ranges being read ahead.
    const fresh = this.lastHeadAt !== undefined && Date.now() - this.lastHeadAt < this.pollIntervalMs
    let head: number
    if (fresh && this.lastHead !== undefined && lowest + this.range < this.lastHead - this.unsafeWindow) head = this.lastHead
    else {
      head = await this.rpc.blockNumber()
      this.lastHead = head
      this.lastHeadAt = Date.now()
    }
    const target = to === undefined ? head : Math.min(to, head)
    if (!cursors.length) return { caughtUp: true, head }
    const group = cursors.filter((c) => c.block === lowest)
    const cursor = group[0]

    // Nothing new: make sure what we hold is still the chain (a revert can shorten it).
    if (lowest >= target) {
      const tip = cursors.reduce((a, b) => (b.block > a.block ? b : a))
      if (tip.hash && tip.block > head) return { caughtUp: false, head, reorg: await this.handleReorg(tip.block, head) }
      if (tip.hash && tip.block >= head - this.unsafeWindow) {
        const block = await this.rpc.getBlock(tip.block)
        if (!block || block.hash !== tip.hash) return { caughtUp: false, head, reorg: await this.handleReorg(tip.block, head) }
      }
      await this.pool.query(`UPDATE chain_cursor SET head_block = $2 WHERE chain_id = $1 AND contract_address = ANY($3)`, [
        this.chainId,
        head,
        cursors.map((c) => c.address),
      ])
      return { caughtUp: true, head }
    }

    const higher = cursors.filter((c) => c.block > lowest).map((c) => c.block)
    const ceiling = higher.length ? Math.min(target, ...higher) : target
    const from = lowest + 1
    let toBlock = Math.min(ceiling, lowest + this.range)

    const addresses = group.map((c) => c.address)
    // Read ahead while the previous range was stored: the node and the database work at once.
    const ahead = await this.takeReadAhead(from, addresses, ceiling, head)
    if (ahead) toBlock = ahead.to
    const near = toBlock > head - this.unsafeWindow

    // The first new block must sit on the block we stored last.
    let first: RpcBlock | null = ahead?.first ?? null
    if (cursor.hash) {
      first ??= await this.rpc.getBlock(from)
      if (!first) return { caughtUp: false, head }
      if (first.parentHash !== cursor.hash && this.trustedParent !== `${lowest}:${cursor.hash}`) {
        const reorg = await this.handleReorg(lowest, head)
        // The block we hold is still canonical although the next one names another parent:
        // the node's answer is inconsistent (hardhat_mine's reserved blocks have a zero
        // parent hash). Go on from the verified block instead of walking back forever.
        if (reorg.ancestor === lowest) this.trustedParent = `${lowest}:${cursor.hash}`
        return { caughtUp: false, head, reorg }
      }
    }

    let logs: RpcLog[] | undefined
    let end: RpcBlock | null = null
    if (ahead) {
      end = ahead.end
      if (!end) return { caughtUp: false, head }
    } else {
      for (;;) {
        end = near ? (toBlock === from && first ? first : await this.rpc.getBlock(toBlock)) : null
        try {
          logs = await this.getLogs(from, toBlock, addresses)
          break
        } catch (error) {
          if (!(error instanceof RangeRefused) || toBlock === from) throw error instanceof RangeRefused ? error.refusal ?? error : error
          this.range = Math.max(1, Math.floor((toBlock - from + 1) / 2))
          toBlock = from + this.range - 1
        }
      }
      if (near) {
        // A reorg while the range was read changes the hash of its last block.
        const again = await this.rpc.getBlock(toBlock)
        if (!end || !again || again.hash !== end.hash) return { caughtUp: false, head }
      } else {
        end = await this.rpc.getBlock(toBlock)
        if (!end) return { caughtUp: false, head }
      }
    }
    const logCount = ahead ? ahead.logs : logs!.length
    if (logCount < this.targetLogs / 2) this.range = Math.min(this.maxRange, Math.max(this.range, toBlock - from + 1) * 2)
    else if (logCount > this.targetLogs * 2) this.range = Math.max(1, Math.floor((toBlock - from + 1) / 2))
    if (!near) this.readAhead(toBlock, ceiling, addresses, head)

    const prepared = ahead ? ahead.prepared : this.prepare(logs!, addresses, toBlock)
    const { rows, ignored } = prepared
    if (!prepared.consistent) return { caughtUp: false, head }
    if (rows.some((r) => r.block_number === toBlock && r.block_hash !== end!.hash)) return { caughtUp: false, head }
    if (first && rows.some((r) => r.block_number === from && r.block_hash !== first!.hash)) return { caughtUp: false, head }

    this.ignored.foreign += ignored.foreign
    this.ignored.unknownTopic += ignored.unknownTopic
    this.ignored.malformed += ignored.malformed
    const stored = await this.commitRange(group, from, toBlock, end, first, prepared, head)
    const range: RangeProgress = { fromBlock: from, toBlock, logs: logCount, stored, ignored: ignored.total, head, target }
    this.options.onRange?.(range)
    return { caughtUp: toBlock >= target, head, range }
  }

  /** Keeps the next ranges after `after` being read, as long as they stay below the unsafe window. */
  private readAhead(after: number, ceiling: number, addresses: string[], head: number): void {
    const key = addresses.join(",")
    let next = this.readsAhead.length ? this.readsAhead[this.readsAhead.length - 1].to + 1 : after + 1
    while (this.readsAhead.length < this.readAheadRanges && next <= ceiling) {
      const from = next
      const to = Math.min(ceiling, from + this.range - 1)
      if (to > head - this.unsafeWindow) return
      // Decoded as soon as it arrives: that CPU work then overlaps the commit of the range before.
      const read = Promise.all([this.rpc.getBlock(from), this.getLogs(from, to, addresses), this.rpc.getBlock(to)]).then(
        ([first, logs, end]): RangeRead => ({ to, first, logs: logs.length, end, prepared: this.prepare(logs, addresses, to) }),
      )
      // A failed read-ahead is read again, with range halving, by the step that wanted it.
      read.catch(() => undefined)
      this.readsAhead.push({ from, to, key, read })
      next = to + 1
    }
  }

  private async takeReadAhead(from: number, addresses: string[], ceiling: number, head: number) {
    const next = this.readsAhead.shift()
    const usable = next && next.from === from && next.key === addresses.join(",") && next.to <= ceiling && next.to <= head - this.unsafeWindow
    if (!usable) {
      this.readsAhead = []
      return undefined
    }
    return next.read.catch(() => {
      this.readsAhead = []
      return undefined
    })
  }

  private async getLogs(from: number, to: number, addresses: string[]): Promise<RpcLog[]> {
    try {
      const logs = await this.rpc.getLogs({ fromBlock: from, toBlock: to, address: addresses })
      if (!Array.isArray(logs)) throw new RangeRefused("eth_getLogs answered with a non-array")
      return logs
    } catch (error) {
      // A live node refusing the request: too many results, range too large, timeout on its side.
      if (error instanceof RpcError) throw new RangeRefused(error.message, error)
      throw error
    }
  }

  /** Decodes a range's logs and builds its insert; pure, so a read-ahead that is thrown away leaves no trace. */
  private prepare(logs: RpcLog[], addresses: string[], to: number): PreparedRange {
    const wanted = new Set(addresses)
    const confirmedUpTo = to - this.confirmations
    const rows: DecodedRow[] = []
    const seen = new Set<number>()
    const blockHashes = new Map<number, string>()
    let consistent = true
    const ignored = { foreign: 0, unknownTopic: 0, malformed: 0, total: 0, byContract: new Map<string, number>() }
    const countFor = (address: string) => ignored.byContract.set(address, (ignored.byContract.get(address) ?? 0) + 1)
    for (const log of logs) {
      const address = typeof log?.address === "string" ? log.address.toLowerCase() : ""
      const contract = this.contracts.get(address)
      if (!contract || !wanted.has(address)) {
        ignored.foreign++
        continue
      }
      try {
        if (log.removed) continue
        const topic0 = log.topics?.[0]?.toLowerCase()
        const decode = topic0 ? contract.events.get(topic0) : undefined
        if (!decode) {
          ignored.unknownTopic++
          countFor(address)
          continue
        }
        const decoded = decode(log.topics, log.data)
        const blockNumber = quantity(log.blockNumber)
        const row: DecodedRow = {
          block_hash: hex32(log.blockHash),
          log_index: quantity(log.logIndex),
          block_number: blockNumber,
          tx_hash: hex32(log.transactionHash),
          tx_index: quantity(log.transactionIndex),
          contract_address: address,
          event_name: decoded.eventName,
          args: decoded.args,
          status: blockNumber <= confirmedUpTo ? "confirmed" : "seen",
        }
        // One block number with two hashes: the node answered from both sides of a reorg.
        const blockHash = blockHashes.get(blockNumber)
        if (blockHash === undefined) blockHashes.set(blockNumber, row.block_hash)
        else if (blockHash !== row.block_hash) consistent = false
        const key = blockNumber * 1_000_000 + row.log_index
        if (seen.has(key)) continue
        seen.add(key)
        rows.push(row)
      } catch {
        ignored.malformed++
        countFor(address)
      }
    }
    ignored.total = ignored.foreign + ignored.unknownTopic + ignored.malformed
    // Hashes, addresses and numbers were validated as hex and digits above: only names and args can need escaping.
    const lines: string[] = new Array(rows.length)
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]
      lines[i] = `${this.chainId}\t${r.block_hash}\t${r.log_index}\t${r.block_number}\t${r.tx_hash}\t${r.tx_index}\t${r.contract_address}\t${copyField(r.event_name)}\t${copyField(JSON.stringify(r.args))}\t${r.status}\n`
    }
    return { rows, ignored, consistent, copy: lines.join("") }
  }

  private async commitRange(
    group: Cursor[],
    from: number,
    to: number,
    end: RpcBlock,
    first: RpcBlock | null,
    { rows, ignored, copy }: PreparedRange,
    head: number,
  ): Promise<number> {
    const client = await this.pool.connect()
    try {
      // A range seen for the first time goes in with COPY; one holding rows stored before (a
      // replay, a block coming back after being orphaned) is merged row by row instead.
      await client.query("BEGIN; SAVEPOINT chain_log_copy")
      let stored = 0
      const perContract = new Map<string, number>()
      if (rows.length) {
        try {
          await copyFromText(client, COPY_LOGS, copy)
          for (const r of rows) perContract.set(r.contract_address, (perContract.get(r.contract_address) ?? 0) + 1)
          stored = rows.length
        } catch (error) {
          if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error
          await client.query("ROLLBACK TO SAVEPOINT chain_log_copy")
          const result = await client.query<{ contract_address: string; n: number }>(MERGE_LOGS, [this.chainId, JSON.stringify(rows)])
          for (const r of result.rows) {
            perContract.set(r.contract_address, r.n)
            stored += r.n
          }
        }
      }
      // Hashes for walk-back: every block with logs, the range's first and last block.
      const blocks = new Map<number, { hash: string; parent: string | null }>()
      for (const r of rows) blocks.set(r.block_number, { hash: r.block_hash, parent: null })
      if (first) blocks.set(first.number, { hash: first.hash, parent: first.parentHash })
      blocks.set(end.number, { hash: end.hash, parent: end.parentHash })
      await client.query(
        `INSERT INTO chain_block (chain_id, block_number, block_hash, parent_hash)
         SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[])
         ON CONFLICT (chain_id, block_number) DO UPDATE SET block_hash = EXCLUDED.block_hash, parent_hash = EXCLUDED.parent_hash`,
        [this.chainId, [...blocks.keys()], [...blocks.values()].map((b) => b.hash), [...blocks.values()].map((b) => b.parent)],
      )
      await client.query(
        `UPDATE chain_cursor c SET block_number = $3, block_hash = $4, head_block = $5,
           logs_ingested = logs_ingested + d.ingested, logs_ignored = logs_ignored + d.ignored,
           last_error = NULL, updated_at = now()
         FROM unnest($2::text[], $6::int[], $7::int[]) AS d(contract_address, ingested, ignored)
         WHERE c.chain_id = $1 AND c.contract_address = d.contract_address`,
        [
          this.chainId,
          group.map((c) => c.address),
          to,
          end.hash,
          head,
          group.map((c) => perContract.get(c.address) ?? 0),
          group.map((c) => ignored.byContract.get(c.address) ?? 0),
        ],
      )
      // Logs stored earlier as `seen` that are now deep enough.
      let deepEnough: OutboxRow[] = []
      if (this.confirmations > 0) {
        const result = await client.query<OutboxRow>(
          `UPDATE chain_log SET status = 'confirmed', updated_at = now()
           WHERE chain_id = $1 AND contract_address = ANY($2) AND status = 'seen' AND block_number <= $3
           RETURNING ${OUTBOX_COLUMNS}`,
          [this.chainId, group.map((c) => c.address), to - this.confirmations],
        )
        deepEnough = result.rows
      }
      if (to % 256 === 0 || to - from > 256) {
        await client.query(`DELETE FROM chain_block WHERE chain_id = $1 AND block_number < $2`, [
          this.chainId,
          to - this.keepBlocks,
        ])
      }
      await client.query("COMMIT")
      const queue = this.committedUnannounced
      if (queue && stored === rows.length && deepEnough.every((r) => r.notified !== "confirmed")) {
        for (const row of deepEnough) queue.push(this.payload(row))
        for (const row of rows) if (row.status === "confirmed") queue.push(this.payload(row))
        queue.sort((a, b) => a.block_number - b.block_number || a.log_index - b.log_index)
      } else {
        // Rows that were there already (a replay, a block coming back): the table knows best.
        this.committedUnannounced = undefined
      }
      return stored
    } catch (error) {
      this.committedUnannounced = undefined
      await client.query("ROLLBACK").catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  /**
   * The stored block at `from` is no longer canonical: walk back over the stored block hashes
   * to the highest one the chain still has, mark every log above it `removed`, and move the
   * cursors back there. The next steps re-ingest the canonical blocks.
   */
  private async handleReorg(from: number, head: number): Promise<{ ancestor: number; removed: number }> {
    let ancestor: { number: number; hash: string | null } | undefined
    let below = from + 1
    while (!ancestor) {
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
      ancestor = candidates.find((c) => hashes.get(c.number) === c.hash)
      below = candidates[candidates.length - 1].number
    }
    if (!ancestor) {
      // Deeper than the blocks we keep: start over from the contracts' start blocks.
      const start = Math.min(...[...this.contracts.values()].map((c) => c.spec.startBlock))
      ancestor = { number: start - 1, hash: null }
      this.logger.warn(`chain-sync: reorg below the kept block hashes; re-reading from block ${start}`)
    }
    if (ancestor.number === from) {
      this.logger.warn(`chain-sync: block ${from + 1} names a parent other than the stored block ${from}, which is still canonical`)
      return { ancestor: from, removed: 0 }
    }
    const client = await this.pool.connect()
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
        [this.chainId, ancestor.number, [...this.contracts.keys()]],
      )
      await client.query(`DELETE FROM chain_block WHERE chain_id = $1 AND block_number > $2`, [this.chainId, ancestor.number])
      await client.query(
        `UPDATE chain_cursor SET block_number = GREATEST($2, start_block - 1),
           block_hash = CASE WHEN $2 >= start_block - 1 THEN $3 ELSE NULL END, reorgs = reorgs + 1, updated_at = now()
         WHERE chain_id = $1 AND block_number > $2 AND contract_address = ANY($4)`,
        [this.chainId, ancestor.number, ancestor.hash, [...this.contracts.keys()]],
      )
      await client.query(
        `UPDATE chain_cursor SET announced_block = $2, announced_log_index = 2147483647
         WHERE chain_id = $1 AND announced_block > $2 AND contract_address = ANY($3)`,
        [this.chainId, ancestor.number, [...this.contracts.keys()]],
      )
      this.committedUnannounced = undefined
      await client.query("COMMIT")
      this.logger.info(
        `chain-sync: reorg at block ${from}; common ancestor ${ancestor.number}, ${removed.rowCount ?? 0} log(s) removed`,
      )
      return { ancestor: ancestor.number, removed: removed.rowCount ?? 0 }
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined)
      throw error
    } finally {
      client.release()
    }
  }

  // --------------------------------------------------------------------- outbox

  /**
   * Tells consumers what they have not heard of, then records it: first removals of logs they
   * were told of (so they undo before hearing of the replacement), then confirmations in
   * (block, log index) order, recorded as a per-contract watermark. Emitting happens after the
   * state change committed and the record after the emit: a crash between the two re-sends
   * those events on restart (at-least-once across crashes, exactly once otherwise; payload `id`
   * lets consumers dedupe).
   */
  async drainOutbox(batchSize = 5_000): Promise<number> {
    const emit = this.options.emit
    if (!emit) return 0
    if (!this.lockClient) this.committedUnannounced = undefined
    if (this.committedUnannounced) return this.announceCommitted(emit, this.committedUnannounced)
    const told = (await this.drainRemovals(emit, batchSize)) + (await this.drainConfirmations(emit, batchSize))
    if (this.lockClient) this.committedUnannounced = []
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
          await emit(CHAIN_LOG_REMOVED, this.payload(row))
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
        [this.chainId, [...this.contracts.keys()], batchSize],
      )
      if (!rows.length) return total
      const told = new Map<string, { block: string; logIndex: number }>()
      try {
        for (const row of rows) {
          // Told of already: its removal was owed when the block came back (A -> B -> A).
          if (row.notified !== "confirmed") {
            await emit(CHAIN_LOG_CONFIRMED, this.payload(row))
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

  private payload(row: LogRow): ChainLogEvent {
    return {
      id: `${this.chainId}:${row.block_hash}:${row.log_index}`,
      chain_id: this.chainId,
      contract_address: row.contract_address,
      contract_name: this.contracts.get(row.contract_address)?.spec.name ?? row.contract_address,
      event_name: row.event_name,
      args: row.args,
      block_number: Number(row.block_number),
      block_hash: row.block_hash,
      log_index: row.log_index,
      transaction_hash: row.tx_hash,
      transaction_index: row.tx_index,
    }
  }
}

const UNIQUE_VIOLATION = "23505"

const COPY_LOGS = `COPY chain_log (chain_id, block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, status)
  FROM STDIN`

/** Stores what is new and revives rows of a block that came back after being orphaned (A -> B -> A). */
const MERGE_LOGS = `WITH stored AS (
    INSERT INTO chain_log (chain_id, block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, status)
    SELECT $1, r.block_hash, r.log_index, r.block_number, r.tx_hash, r.tx_index, r.contract_address, r.event_name, r.args, r.status
    FROM json_to_recordset($2::json) AS r(block_hash text, log_index int, block_number bigint, tx_hash text, tx_index int,
         contract_address text, event_name text, args jsonb, status text)
    ON CONFLICT (chain_id, block_hash, log_index) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
      WHERE chain_log.status = 'removed'
    RETURNING contract_address)
  SELECT contract_address, count(*)::int AS n FROM stored GROUP BY contract_address`

const OUTBOX_COLUMNS = "block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, notified"

interface LogRow {
  block_hash: string
  log_index: number
  block_number: string | number
  tx_hash: string
  tx_index: number
  contract_address: string
  event_name: string
  args: Record<string, unknown>
}

interface OutboxRow extends LogRow {
  block_number: string
  notified: "confirmed" | "removed" | null
}

function quantity(value: unknown): number {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]+$/.test(value)) throw new Error(`bad quantity ${String(value)}`)
  return Number(value)
}

function hex32(value: unknown): string {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(value)) throw new Error(`bad hash ${String(value)}`)
  return value.toLowerCase()
}

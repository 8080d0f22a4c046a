// Reads block ranges from the node: eth_getLogs over ranges that grow while answers stay small
// and halve when the node refuses one, a few ranges read and decoded ahead during a backfill,
// and the checks that a range was read from one side of any reorg.
import type { DecodedRow } from "./chain-log"
import { copyText } from "./range-store"
import { FailoverRpc, RpcError, type RpcBlock, type RpcLog } from "./rpc-failover"
import type { WatchedContracts } from "./watched-contracts"

export interface IgnoredInRange {
  foreign: number
  unknownTopic: number
  malformed: number
  total: number
  byContract: Map<string, number>
}

/** A range's logs decoded and ready to store. */
export interface PreparedRange {
  rows: DecodedRow[]
  ignored: IgnoredInRange
  /** The rows in COPY's text format (copyText). */
  copy: string
  /** False when one block number came with two hashes. */
  consistent: boolean
}

interface ReadAhead {
  to: number
  first: RpcBlock | null
  end: RpcBlock | null
  logs: number
  prepared: PreparedRange
}

/** Where the next range ends, and what was read ahead for it. */
export interface PlannedRange {
  from: number
  to: number
  /** Within the unsafe window below the head: checked for a reorg while it was read. */
  near: boolean
  ahead: ReadAhead | undefined
  ceiling: number
  addresses: string[]
  head: number
}

export interface ReadRange {
  to: number
  end: RpcBlock
  logs: number
  prepared: PreparedRange
}

export interface RangeReaderOptions {
  rpc: FailoverRpc
  chainId: number
  contracts: WatchedContracts
  confirmations: number
  initialRange: number
  maxRange: number
  /** Ranges grow while a response has fewer logs than this. */
  targetLogsPerRange: number
  unsafeWindow: number
  readAheadRanges: number
}

class RangeRefused extends Error {
  constructor(
    message: string,
    readonly refusal?: Error,
  ) {
    super(message)
  }
}

export class RangeReader {
  /** Blocks asked for in the next eth_getLogs. */
  range: number
  /** Ranges being read ahead, in order: the node, the decoder and the database then work at once. */
  private readsAhead: Array<{ from: number; to: number; key: string; read: Promise<ReadAhead> }> = []

  constructor(private readonly options: RangeReaderOptions) {
    this.range = options.initialRange
  }

  /** The range after `from - 1`, up to `ceiling`, taking what was read ahead for it when it still fits. */
  async plan(from: number, ceiling: number, addresses: string[], head: number): Promise<PlannedRange> {
    const ahead = await this.takeReadAhead(from, addresses, ceiling, head)
    const to = ahead ? ahead.to : Math.min(ceiling, from - 1 + this.range)
    return { from, to, near: to > head - this.options.unsafeWindow, ahead, ceiling, addresses, head }
  }

  /**
   * Reads and decodes the planned range. `first` is its first block when the caller fetched it
   * (to check its parent). Undefined when the node's answers do not fit together (a reorg while
   * reading, a block not there yet): the caller tries again.
   */
  async read(plan: PlannedRange, first: RpcBlock | null): Promise<ReadRange | undefined> {
    const { from, near, ahead, ceiling, addresses, head } = plan
    const { rpc } = this.options
    let to = plan.to
    let logs: RpcLog[] | undefined
    let end: RpcBlock | null = null
    if (ahead) {
      end = ahead.end
      if (!end) return undefined
    } else {
      for (;;) {
        end = near ? (to === from && first ? first : await rpc.getBlock(to)) : null
        try {
          logs = await this.getLogs(from, to, addresses)
          break
        } catch (error) {
          if (!(error instanceof RangeRefused) || to === from) throw error instanceof RangeRefused ? error.refusal ?? error : error
          this.range = Math.max(1, Math.floor((to - from + 1) / 2))
          to = from + this.range - 1
        }
      }
      if (near) {
        // A reorg while the range was read changes the hash of its last block.
        const again = await rpc.getBlock(to)
        if (!end || !again || again.hash !== end.hash) return undefined
      } else {
        end = await rpc.getBlock(to)
        if (!end) return undefined
      }
    }
    const logCount = ahead ? ahead.logs : logs!.length
    const { targetLogsPerRange, maxRange } = this.options
    if (logCount < targetLogsPerRange / 2) this.range = Math.min(maxRange, Math.max(this.range, to - from + 1) * 2)
    else if (logCount > targetLogsPerRange * 2) this.range = Math.max(1, Math.floor((to - from + 1) / 2))
    if (!near) this.readAhead(to, ceiling, addresses, head)

    const prepared = ahead ? ahead.prepared : this.prepare(logs!, addresses, to)
    if (!prepared.consistent) return undefined
    const { rows } = prepared
    if (rows.some((r) => r.block_number === to && r.block_hash !== end!.hash)) return undefined
    if (first && rows.some((r) => r.block_number === from && r.block_hash !== first.hash)) return undefined
    return { to, end, logs: logCount, prepared }
  }

  /** Keeps the next ranges after `after` being read, as long as they stay below the unsafe window. */
  private readAhead(after: number, ceiling: number, addresses: string[], head: number): void {
    const { rpc, readAheadRanges, unsafeWindow } = this.options
    const key = addresses.join(",")
    let next = this.readsAhead.length ? this.readsAhead[this.readsAhead.length - 1].to + 1 : after + 1
    while (this.readsAhead.length < readAheadRanges && next <= ceiling) {
      const from = next
      const to = Math.min(ceiling, from + this.range - 1)
      if (to > head - unsafeWindow) return
      // Decoded as soon as it arrives: that CPU work then overlaps the commit of the range before.
      const read = Promise.all([rpc.getBlock(from), this.getLogs(from, to, addresses), rpc.getBlock(to)]).then(
        ([first, logs, end]): ReadAhead => ({ to, first, logs: logs.length, end, prepared: this.prepare(logs, addresses, to) }),
      )
      // A failed read-ahead is read again, with range halving, by the step that wanted it.
      read.catch(() => undefined)
      this.readsAhead.push({ from, to, key, read })
      next = to + 1
    }
  }

  private async takeReadAhead(from: number, addresses: string[], ceiling: number, head: number): Promise<ReadAhead | undefined> {
    const next = this.readsAhead.shift()
    const usable =
      next && next.from === from && next.key === addresses.join(",") && next.to <= ceiling && next.to <= head - this.options.unsafeWindow
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
      const logs = await this.options.rpc.getLogs({ fromBlock: from, toBlock: to, address: addresses })
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
    const confirmedUpTo = to - this.options.confirmations
    const rows: DecodedRow[] = []
    const seen = new Set<number>()
    const blockHashes = new Map<number, string>()
    let consistent = true
    const ignored: IgnoredInRange = { foreign: 0, unknownTopic: 0, malformed: 0, total: 0, byContract: new Map() }
    const countFor = (address: string) => ignored.byContract.set(address, (ignored.byContract.get(address) ?? 0) + 1)
    for (const log of logs) {
      const address = typeof log?.address === "string" ? log.address.toLowerCase() : ""
      const contract = this.options.contracts.get(address)
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
    return { rows, ignored, consistent, copy: copyText(this.options.chainId, rows) }
  }
}

function quantity(value: unknown): number {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]+$/.test(value)) throw new Error(`bad quantity ${String(value)}`)
  return Number(value)
}

function hex32(value: unknown): string {
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{64}$/.test(value)) throw new Error(`bad hash ${String(value)}`)
  return value.toLowerCase()
}

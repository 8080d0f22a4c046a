// A small JSON-RPC client over several endpoints tried in order. An endpoint that refuses the
// connection, answers with an HTTP error or does not start answering within the stall timeout
// is skipped for the next one; a JSON-RPC error answered by a live node is not a failover
// reason (it is about the request, e.g. an eth_getLogs range that is too large) and is thrown
// as RpcError. After a failover the client stays on the working endpoint and tries the
// preferred ones again after `retryPreferredAfterMs`.

export class RpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(`${method}: ${message} (${code})`)
    this.name = "RpcError"
  }
}

export class RpcUnavailableError extends Error {
  constructor(
    readonly method: string,
    readonly failures: string[],
  ) {
    super(`${method}: no RPC endpoint answered (${failures.join("; ")})`)
    this.name = "RpcUnavailableError"
  }
}

export interface FailoverRpcOptions {
  urls: string[]
  /** Time allowed until the response headers arrive. */
  stallTimeoutMs?: number
  /** Time allowed to read the body once the response started (large eth_getLogs answers). */
  bodyTimeoutMs?: number
  retryPreferredAfterMs?: number
  onFailover?: (event: { from: string; to: string | undefined; reason: string }) => void
}

// Rate limits are answered as JSON-RPC errors by many providers: those are worth another endpoint.
const FAILOVER_RPC_CODES = new Set([-32005, 429])

export interface RpcBlock {
  number: number
  hash: string
  parentHash: string
}

export interface RpcLog {
  address: string
  topics: string[]
  data: string
  blockNumber: string
  blockHash: string
  transactionHash: string
  transactionIndex: string
  logIndex: string
  removed?: boolean
}

export class FailoverRpc {
  readonly urls: string[]
  private current = 0
  private failedOverAt = 0
  private nextId = 1
  private readonly stallTimeoutMs: number
  private readonly bodyTimeoutMs: number
  private readonly retryPreferredAfterMs: number
  /** Endpoint failures seen so far (for status output). */
  failovers = 0
  lastFailure: string | undefined

  constructor(private readonly options: FailoverRpcOptions) {
    if (!options.urls.length) throw new Error("FailoverRpc needs at least one URL")
    this.urls = options.urls
    this.stallTimeoutMs = options.stallTimeoutMs ?? 5_000
    this.bodyTimeoutMs = options.bodyTimeoutMs ?? 60_000
    this.retryPreferredAfterMs = options.retryPreferredAfterMs ?? 60_000
  }

  get activeUrl(): string {
    return this.urls[this.current]
  }

  async call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    const body = { jsonrpc: "2.0", id: this.nextId++, method, params }
    const answer = (await this.send(method, body)) as { result?: T; error?: { code: number; message: string; data?: unknown } }
    if (answer.error) throw new RpcError(method, answer.error.code, answer.error.message, answer.error.data)
    return answer.result as T
  }

  /** One HTTP request carrying several calls; results in request order. */
  async batch<T = unknown>(calls: Array<{ method: string; params: unknown[] }>): Promise<T[]> {
    if (!calls.length) return []
    const first = this.nextId
    this.nextId += calls.length
    const body = calls.map((c, i) => ({ jsonrpc: "2.0", id: first + i, method: c.method, params: c.params }))
    const answers = (await this.send(calls[0].method, body)) as Array<{ id: number; result?: T; error?: { code: number; message: string } }>
    if (!Array.isArray(answers)) throw new RpcError(calls[0].method, -32603, "batch answered with a non-array")
    const byId = new Map(answers.map((a) => [a.id, a]))
    return calls.map((c, i) => {
      const a = byId.get(first + i)
      if (!a) throw new RpcError(c.method, -32603, "missing batch answer")
      if (a.error) throw new RpcError(c.method, a.error.code, a.error.message)
      return a.result as T
    })
  }

  async blockNumber(): Promise<number> {
    return Number(await this.call<string>("eth_blockNumber"))
  }

  async getBlock(number: number): Promise<RpcBlock | null> {
    const block = await this.call<{ number: string; hash: string; parentHash: string } | null>("eth_getBlockByNumber", [
      toHex(number),
      false,
    ])
    return block ? { number: Number(block.number), hash: block.hash, parentHash: block.parentHash } : null
  }

  async getBlocks(numbers: number[]): Promise<Array<RpcBlock | null>> {
    const blocks = await this.batch<{ number: string; hash: string; parentHash: string } | null>(
      numbers.map((n) => ({ method: "eth_getBlockByNumber", params: [toHex(n), false] })),
    )
    return blocks.map((b) => (b ? { number: Number(b.number), hash: b.hash, parentHash: b.parentHash } : null))
  }

  async getLogs(filter: { fromBlock: number; toBlock: number; address: string[] }): Promise<RpcLog[]> {
    return this.call<RpcLog[]>("eth_getLogs", [
      { fromBlock: toHex(filter.fromBlock), toBlock: toHex(filter.toBlock), address: filter.address },
    ])
  }

  private async send(method: string, body: unknown): Promise<unknown> {
    if (this.current !== 0 && Date.now() - this.failedOverAt > this.retryPreferredAfterMs) this.current = 0
    const failures: string[] = []
    const payload = JSON.stringify(body)
    for (let attempt = 0; attempt < this.urls.length; attempt++) {
      const index = (this.current + attempt) % this.urls.length
      const url = this.urls[index]
      try {
        const answer = await this.post(url, payload)
        const code = (answer as { error?: { code?: number } })?.error?.code
        if (code !== undefined && FAILOVER_RPC_CODES.has(code)) throw new Error(`rate limited (${code})`)
        if (index !== this.current) {
          this.current = index
          this.failedOverAt = Date.now()
        }
        return answer
      } catch (error) {
        const reason = `${redact(url)}: ${(error as Error).message}`
        failures.push(reason)
        this.failovers++
        this.lastFailure = reason
        const next = this.urls[(index + 1) % this.urls.length]
        this.options.onFailover?.({ from: url, to: attempt + 1 < this.urls.length ? next : undefined, reason })
      }
    }
    throw new RpcUnavailableError(method, failures)
  }

  private async post(url: string, payload: string): Promise<unknown> {
    const controller = new AbortController()
    let timer = setTimeout(() => controller.abort(new Error(`stalled for ${this.stallTimeoutMs} ms`)), this.stallTimeoutMs)
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: payload,
        signal: controller.signal,
      })
      clearTimeout(timer)
      timer = setTimeout(() => controller.abort(new Error(`body not read within ${this.bodyTimeoutMs} ms`)), this.bodyTimeoutMs)
      if (!response.ok && response.status !== 400) throw new Error(`HTTP ${response.status}`)
      const text = await response.text()
      try {
        return JSON.parse(text)
      } catch {
        throw new Error(`not JSON (HTTP ${response.status})`)
      }
    } catch (error) {
      if (controller.signal.aborted && controller.signal.reason instanceof Error) throw controller.signal.reason
      const cause = (error as { cause?: { code?: string; message?: string } }).cause
      throw new Error(cause?.code ?? cause?.message ?? (error as Error).message)
    } finally {
      clearTimeout(timer)
    }
  }
}

export function toHex(n: number): string {
  return `0x${n.toString(16)}`
}

/** URLs of hosted RPCs often carry an API key in the path or query: keep only the origin. */
export function redact(url: string): string {
  try {
    const u = new URL(url)
    return u.pathname.length > 1 || u.search ? `${u.origin}/…` : u.origin
  } catch {
    return "<invalid url>"
  }
}

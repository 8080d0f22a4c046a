// A JSON-RPC proxy in front of the hardhat node that can misbehave on demand: stall (accept
// and never answer), drop the connection on given methods, refuse eth_getLogs ranges wider
// than N blocks, or add malformed and foreign entries to eth_getLogs answers. Its behaviour
// is set on the returned object, or by another process with `POST <url>/behaviour` (JSON).
import http from "http"
import net from "net"
import type { AddressInfo } from "net"

export interface ProxyBehaviour {
  stall: boolean
  maxLogRange?: number
  injectJunk: boolean
  /** Added to every eth_getLogs answer. */
  getLogsDelayMs?: number
  /** Requests for these methods get their connection closed without an answer. */
  dropMethods?: string[]
}

export async function startRpcProxy(upstream: string) {
  const behaviour: ProxyBehaviour = { stall: false, injectJunk: false }
  const stats = { requests: 0, refused: 0, injected: 0, dropped: 0 }
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    if (req.url === "/behaviour") {
      Object.assign(behaviour, JSON.parse(Buffer.concat(chunks).toString("utf8")))
      res.end(JSON.stringify(behaviour))
      return
    }
    stats.requests++
    if (behaviour.stall) return // never answer
    const request = JSON.parse(Buffer.concat(chunks).toString("utf8"))
    const methods: string[] = (Array.isArray(request) ? request : [request]).map((r: any) => r?.method)
    if (behaviour.dropMethods?.some((m) => methods.includes(m))) {
      stats.dropped++
      req.socket.destroy()
      return
    }
    if (!Array.isArray(request) && request.method === "eth_getLogs" && behaviour.maxLogRange) {
      const [{ fromBlock, toBlock }] = request.params
      if (Number(toBlock) - Number(fromBlock) + 1 > behaviour.maxLogRange) {
        stats.refused++
        res.setHeader("content-type", "application/json")
        res.end(JSON.stringify({ jsonrpc: "2.0", id: request.id, error: { code: -32602, message: `block range exceeds ${behaviour.maxLogRange}` } }))
        return
      }
    }
    if (!Array.isArray(request) && request.method === "eth_getLogs" && behaviour.getLogsDelayMs) {
      await new Promise((r) => setTimeout(r, behaviour.getLogsDelayMs))
    }
    const upstreamResponse = await fetch(upstream, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(request) })
    const answer = (await upstreamResponse.json()) as any
    if (!Array.isArray(request) && request.method === "eth_getLogs" && behaviour.injectJunk && Array.isArray(answer.result)) {
      const real = answer.result[0]
      const blockNumber = real?.blockNumber ?? request.params[0].fromBlock
      const blockHash = real?.blockHash ?? `0x${"ab".repeat(32)}`
      const base = { blockNumber, blockHash, transactionHash: `0x${"cd".repeat(32)}`, transactionIndex: "0x0", removed: false }
      const twin = request.params[0].address[0]
      const transferTopic = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"
      const junk = [
        { ...base, logIndex: "0x3e8", address: "0x000000000000000000000000000000000000dead", topics: [transferTopic], data: "0x" },
        { ...base, logIndex: "0x3e9", address: twin, topics: [`0x${"12".repeat(32)}`], data: "0x" },
        { ...base, logIndex: "0x3ea", address: twin, topics: [transferTopic, `0x${"00".repeat(32)}`], data: "0x" },
        { ...base, logIndex: "0x3eb", address: twin, topics: "not-an-array", data: 42 },
        { ...base, blockHash: "0x1234", logIndex: "0x3ec", address: twin, topics: real?.topics ?? [transferTopic], data: real?.data ?? "0x" },
        null,
        "garbage",
      ]
      stats.injected += junk.length
      answer.result.push(...junk)
    }
    res.setHeader("content-type", "application/json")
    res.end(JSON.stringify(answer))
  })
  return { ...(await listenOnLoopback(server)), behaviour, stats }
}

/** Accepts TCP connections and never says a word. */
export async function startStallingServer() {
  return listenOnLoopback(net.createServer())
}

/** Listens on a free loopback port, keeping the open sockets so `close` need not wait for clients to hang up. */
async function listenOnLoopback(server: net.Server) {
  const sockets = new Set<net.Socket>()
  server.on("connection", (s) => {
    sockets.add(s)
    s.on("close", () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    connections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      }),
  }
}

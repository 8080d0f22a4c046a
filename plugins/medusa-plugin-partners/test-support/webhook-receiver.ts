import http from "http"
import { AddressInfo } from "net"
import { Webhook } from "standardwebhooks"

/**
 * A partner's webhook endpoint on loopback, for tests. Signatures are checked as a partner
 * would check them: with the Standard Webhooks reference library.
 */
export type Received = { path: string; id: string; timestamp: string; signature: string; body: string; answered: number; remotePort: number }
/** `hold`: the answer waits until it settles (a slow partner, or a race a test stages). */
type Answer = { status: number; headers?: Record<string, string>; body?: string; hold?: Promise<unknown> }

/** `nowSeconds`: when the partner receives it; the library itself allows 5 minutes either side of the real clock. */
export function standardWebhookValid(
  secret: string,
  msg: { id: string; timestamp: string; signature: string; body: string },
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = 300
): boolean {
  if (Math.abs(nowSeconds - Number(msg.timestamp)) > toleranceSeconds) return false
  try {
    new Webhook(secret).verify(
      msg.body,
      { "webhook-id": msg.id, "webhook-timestamp": msg.timestamp, "webhook-signature": msg.signature },
      { jsonParse: false }
    )
    return true
  } catch {
    return false
  }
}

export async function startReceiver() {
  const received: Received[] = []
  const scripts = new Map<string, Answer[]>()
  const fallback = new Map<string, Answer>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on("data", (c) => chunks.push(c))
    req.on("end", () => {
      const path = req.url ?? "/"
      const queue = scripts.get(path)
      const answer = (queue && queue.length ? queue.shift() : undefined) ?? fallback.get(path) ?? { status: 200 }
      received.push({
        path,
        id: String(req.headers["webhook-id"] ?? ""),
        timestamp: String(req.headers["webhook-timestamp"] ?? ""),
        signature: String(req.headers["webhook-signature"] ?? ""),
        body: Buffer.concat(chunks).toString("utf8"),
        answered: answer.status,
        remotePort: req.socket.remotePort ?? 0,
      })
      const reply = () => {
        res.writeHead(answer.status, answer.headers ?? { "content-type": "text/plain" })
        res.end(answer.body ?? "ok")
      }
      if (answer.hold) answer.hold.then(reply, reply)
      else reply()
    })
  })
  // No host: listen on both 127.0.0.1 and ::1, whichever "localhost" resolves to.
  await new Promise<void>((resolve) => server.listen(0, resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    url: (path: string) => `http://localhost:${port}${path}`,
    received,
    at: (path: string) => received.filter((r) => r.path === path),
    /** Answers these statuses in order, then `then` (200 unless set). */
    script: (path: string, answers: Answer[], then?: Answer) => {
      scripts.set(path, [...answers])
      if (then) fallback.set(path, then)
      else fallback.delete(path)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined | null | false | 0 | "">, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

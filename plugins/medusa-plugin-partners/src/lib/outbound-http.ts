import http from "http"
import https from "https"
import net from "net"
import { assertSafeUrl, GuardOptions, guardedLookup } from "./ssrf-guard"

/**
 * One HTTP request to a partner-controlled URL: SSRF-guarded, never follows
 * redirects, a hard deadline for the whole exchange, and at most `maxBodyBytes`
 * of the response read (the rest is discarded and the socket closed).
 */
export type OutboundResponse = {
  status: number
  headers: http.IncomingHttpHeaders
  body: string
  truncated: boolean
}

export type OutboundRequest = GuardOptions & {
  method: "GET" | "POST"
  url: string
  headers?: Record<string, string>
  body?: string
  timeoutMs: number
  maxBodyBytes: number
}

export async function outboundRequest(req: OutboundRequest): Promise<OutboundResponse> {
  const url = await assertSafeUrl(req.url, req)
  const client = url.protocol === "https:" ? https : http
  const host = url.hostname.replace(/^\[|\]$/g, "")
  return new Promise((resolve, reject) => {
    let settled = false
    const finish = (err: Error | null, value?: OutboundResponse) => {
      if (settled) return
      settled = true
      clearTimeout(deadline)
      if (err) reject(err)
      else resolve(value!)
    }
    const request = client.request(
      {
        method: req.method,
        protocol: url.protocol,
        hostname: host,
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        headers: {
          "user-agent": "PVA-Bazaar-Webhooks/1.0",
          ...(req.body !== undefined ? { "content-length": String(Buffer.byteLength(req.body)) } : {}),
          ...req.headers,
        },
        // IP literals skip DNS, and were checked by assertSafeUrl; names are checked on connect.
        lookup: net.isIP(host) ? undefined : guardedLookup(req),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = []
        let size = 0
        let truncated = false
        res.on("data", (chunk: Buffer) => {
          if (truncated) return
          const room = req.maxBodyBytes - size
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room))
            size = req.maxBodyBytes
            truncated = true
            done()
            res.destroy()
            return
          }
          chunks.push(chunk)
          size += chunk.length
        })
        const done = () =>
          finish(null, { status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), truncated })
        res.on("end", done)
        res.on("error", (err) => (truncated ? undefined : finish(err)))
      }
    )
    const deadline = setTimeout(() => {
      finish(new Error(`no complete response within ${req.timeoutMs} ms`))
      request.destroy()
    }, req.timeoutMs)
    request.on("error", (err) => finish(err))
    if (req.body !== undefined) request.write(req.body)
    request.end()
  })
}

/**
 * @jest-environment node
 */
import http from "http"
import type { AddressInfo } from "net"

const { listenOptions, rewriteHtmlPages } = require("../../server/serve")

/** A server that answers with `pieces` (bytes, as a stream cuts them) under `headers`, through `rewriteHtmlPages`. */
async function serving(headers: Record<string, string>, pieces: Buffer[]) {
  const server = http.createServer((_req, res) => {
    rewriteHtmlPages(res)
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value)
    res.flushHeaders()
    pieces.slice(0, -1).forEach((piece) => res.write(piece))
    res.end(pieces[pieces.length - 1])
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
    return { status: res.status, contentLength: res.headers.get("content-length"), body: await res.text() }
  } finally {
    server.close()
  }
}

const PAGE =
  '<html><head><script src="/_next/static/chunks/app-shell-1.js" async="" nonce="n0"></script></head>' +
  "<body><h1>Émeraude d’Amradjet — €625</h1></body></html>"

/** `text` as UTF-8, cut every `size` bytes: through tags and through multi-byte characters. */
const cut = (text: string, size: number) => {
  const bytes = Buffer.from(text)
  const pieces: Buffer[] = []
  for (let i = 0; i < bytes.length; i += size) pieces.push(bytes.subarray(i, i + size))
  return pieces
}

describe("the storefront's server (npm start)", () => {
  it("holds Next's scripts back in an HTML page however its bytes are cut, and sends it chunked, not at its old length", async () => {
    for (const size of [1, 2, 7, 64]) {
      const page = await serving({ "content-type": "text/html; charset=utf-8", "content-length": String(Buffer.byteLength(PAGE)) }, cut(PAGE, size))
      expect(page.status).toBe(200)
      expect(page.contentLength).toBeNull()
      expect(page.body).toContain('<script data-pva-src="/_next/static/chunks/app-shell-1.js" async="" nonce="n0"></script>')
      expect(page.body).toContain("<h1>Émeraude d’Amradjet — €625</h1>")
      expect(page.body).toMatch(/<script nonce="n0">\(function \(\) \{[\s\S]*<\/script><\/head>/)
    }
  })

  it("passes anything that is not an HTML page through untouched, its length with it", async () => {
    const script = 'self.x = \'<script src="/_next/static/chunks/a.js" async="">\''
    const asset = await serving({ "content-type": "application/javascript", "content-length": String(Buffer.byteLength(script)) }, cut(script, 5))
    expect(asset.body).toBe(script)
    expect(asset.contentLength).toBe(String(Buffer.byteLength(script)))
  })

  it("listens where `next start` would be told to, and refuses what it does not understand", () => {
    expect(listenOptions([], {}, 8000)).toEqual({ port: 8000, hostname: "0.0.0.0" })
    expect(listenOptions([], { PORT: "9100", HOSTNAME: "container-1" }, 8000)).toEqual({ port: 9100, hostname: "0.0.0.0" })
    expect(listenOptions(["-p", "8123", "-H", "127.0.0.1"], {}, 8000)).toEqual({ port: 8123, hostname: "127.0.0.1" })
    expect(listenOptions(["--port=8124", "--hostname", "::1"], {}, 8000)).toEqual({ port: 8124, hostname: "::1" })
    expect(() => listenOptions(["--turbo"], {}, 8000)).toThrow("unknown option --turbo: takes -p/--port and -H/--hostname")
    expect(() => listenOptions(["-p", "eighty"], {}, 8000)).toThrow('port: "eighty" is not a port number (0–65535)')
    expect(() => listenOptions(["-p", "70000"], {}, 8000)).toThrow('port: "70000" is not a port number (0–65535)')
    expect(() => listenOptions(["-H"], {}, 8000)).toThrow("hostname: -H/--hostname needs an address to listen on")
    expect(() => listenOptions(["-p"], {}, 8000)).toThrow('port: "undefined" is not a port number (0–65535)')
  })
})

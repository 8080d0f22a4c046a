/** @jest-environment node */
import http from "http"
import type { AddressInfo } from "net"
import { browserConfig, storefrontConfig } from "../config"
import { clientAs } from "../session"

// Two stand-ins for Medusa at different addresses, each recording the requests it answered:
// which one a client reaches is the behaviour under test, not what Medusa answers.
type Stub = { url: string; hits: Array<{ path: string; key?: string; forwardedFor?: string }>; close: () => Promise<void> }

async function medusaAt(): Promise<Stub> {
  const hits: Stub["hits"] = []
  const server = http.createServer((req, res) => {
    hits.push({ path: req.url ?? "", key: req.headers["x-publishable-api-key"] as string, forwardedFor: req.headers["x-forwarded-for"] as string })
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ regions: [] }))
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

let publicMedusa: Stub
let internalMedusa: Stub
beforeAll(async () => {
  publicMedusa = await medusaAt()
  internalMedusa = await medusaAt()
})
afterAll(async () => Promise.all([publicMedusa.close(), internalMedusa.close()]))
beforeEach(() => {
  publicMedusa.hits.length = 0
  internalMedusa.hits.length = 0
})

const browserHeaders = { get: (name: string) => (name === "x-forwarded-for" ? "203.0.113.9" : null) }

describe("which Medusa URL the storefront's server calls", () => {
  it("MEDUSA_BACKEND_URL_INTERNAL when set: a container's localhost is not Medusa's", async () => {
    const env = { NEXT_PUBLIC_MEDUSA_BACKEND_URL: publicMedusa.url, MEDUSA_BACKEND_URL_INTERNAL: `${internalMedusa.url}/`, NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: "pk_com" }
    await clientAs(null, browserHeaders, env).regions.list()
    expect(internalMedusa.hits).toEqual([{ path: "/store/regions", key: "pk_com", forwardedFor: "203.0.113.9" }])
    expect(publicMedusa.hits).toEqual([])
  })

  it("the public URL when no internal one is set", async () => {
    await clientAs(null, browserHeaders, { NEXT_PUBLIC_MEDUSA_BACKEND_URL: publicMedusa.url }).regions.list()
    expect(publicMedusa.hits.map((h) => h.path)).toEqual(["/store/regions"])
    expect(internalMedusa.hits).toEqual([])
  })
})

describe("what the browser is given", () => {
  it("the public URL only, even on a server that calls Medusa internally", () => {
    const env = { NEXT_PUBLIC_MEDUSA_BACKEND_URL: "https://api.pvabazaar.com/", MEDUSA_BACKEND_URL_INTERNAL: "http://medusa-server:9000", NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: "pk_com" }
    expect(storefrontConfig(env)).toEqual({ baseUrl: "http://medusa-server:9000", publicUrl: "https://api.pvabazaar.com", publishableKey: "pk_com" })
    expect(browserConfig(env)).toEqual({ baseUrl: "https://api.pvabazaar.com", publicUrl: "https://api.pvabazaar.com", publishableKey: "pk_com" })
    expect(JSON.stringify(browserConfig(env))).not.toContain("medusa-server")
  })
})

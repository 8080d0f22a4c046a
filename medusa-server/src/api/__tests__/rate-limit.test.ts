import http from "http"
import { createTestDatabase, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, startServer, TestServer } from "@pva/test-support/server"

type Answer = { status: number; headers: http.IncomingHttpHeaders; json: any }

/**
 * One HTTP request from a chosen loopback address: the whole of 127.0.0.0/8 reaches
 * the server, so each address is a genuinely different client, not a header claim.
 */
function call(server: TestServer, path: string, opts: { method?: string; body?: unknown; from?: string; headers?: Record<string, string> } = {}) {
  return new Promise<Answer>((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body)
    const req = http.request(
      {
        host: "127.0.0.1",
        port: server.port,
        path,
        method: opts.method ?? "POST",
        localAddress: opts.from ?? "127.0.0.1",
        headers: { "content-type": "application/json", ...(server as any).headers, ...opts.headers },
      },
      (res) => {
        let text = ""
        res.on("data", (chunk) => (text += chunk))
        res.on("end", () => {
          let json: any
          try {
            json = JSON.parse(text)
          } catch {
            json = undefined
          }
          resolve({ status: res.statusCode!, headers: res.headers, json })
        })
      }
    )
    req.once("error", reject)
    req.end(payload)
  })
}

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
const statuses = async (attempts: Array<() => Promise<Answer>>) => {
  const out: number[] = []
  for (const attempt of attempts) out.push((await attempt()).status)
  return out
}

// Servers of their own, with limits low enough to reach in a test.
describe("rate limits", () => {
  let db: TestDatabase
  let server: TestServer
  let behindProxy: TestServer

  beforeAll(async () => {
    db = await createTestDatabase("ratelimit")
    const { publishableKeys } = migrateAndSeed(db.url)
    const limits = {
      RATE_LIMIT_WINDOW_SECONDS: "120",
      RATE_LIMIT_LOGIN: "3",
      RATE_LIMIT_LOGIN_PER_CLIENT: "6",
      RATE_LIMIT_CHECKOUT_PER_CART: "2",
      RATE_LIMIT_ACCOUNT_PER_CLIENT: "4",
      RATE_LIMIT_ACCOUNT_EMAILS: "2",
      RATE_LIMIT_ORDER_LOOKUP_PER_CLIENT: "5",
      RATE_LIMIT_ORDER_LOOKUP_PER_EMAIL: "3",
      RATE_LIMIT_CATALOG_PER_CLIENT: "5",
      RATE_LIMIT_STORE_LISTS_PER_CLIENT: "5",
      MEDUSA_SKIP_MIGRATIONS: "true",
    }
    ;[server, behindProxy] = await Promise.all([startServer(db.url, limits), startServer(db.url, { ...limits, TRUST_PROXY: "loopback" })])
    for (const s of [server, behindProxy]) (s as any).headers = { "x-publishable-api-key": publishableKeys.com }
  })

  afterAll(async () => {
    await Promise.all([server?.stop(), behindProxy?.stop()])
    await db?.drop()
  })

  describe("login", () => {
    it("answers the fourth wrong password for an email with 429 and Retry-After, and the right one too", async () => {
      const attempt = (password = "wrong") => call(server, "/store/auth", { body: { email: "shopper@pvabazaar.local", password }, from: "127.0.0.1" })
      expect(await statuses([attempt, attempt, attempt])).toEqual([401, 401, 401])

      const limited = await attempt()
      expect(limited.status).toBe(429)
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
      expect(limited.json.message).toMatch(/too many login attempts/i)
      expect((await attempt("pva-shopper-dev")).status).toBe(429)
      // Another account is unaffected.
      expect((await call(server, "/store/auth", { body: { email: "someone@example.com", password: "x" }, from: "127.0.0.1" })).status).toBe(401)
    })

    it("limits one account whatever the client: guesses from many addresses share its counter", async () => {
      const email = unique("target")
      const from = ["127.0.1.1", "127.0.1.2", "127.0.1.3", "127.0.1.4"]
      const answers = await statuses(from.map((ip) => () => call(server, "/store/auth/token", { body: { email, password: "guess" }, from: ip })))
      expect(answers).toEqual([401, 401, 401, 429])
    })

    it("limits one client spraying a password over many emails, however it rotates X-Forwarded-For", async () => {
      const answers = await statuses(
        Array.from({ length: 8 }, (_, i) => () =>
          call(server, "/store/auth", {
            body: { email: unique(`spray${i}`), password: "Summer2026!" },
            from: "127.0.2.1",
            headers: { "x-forwarded-for": `198.51.100.${i + 1}`, "x-real-ip": `198.51.100.${i + 1}` },
          })
        )
      )
      expect(answers).toEqual([401, 401, 401, 401, 401, 401, 429, 429])
    })

    it("counts a flood of concurrent attempts exactly", async () => {
      const email = unique("flood")
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => call(server, "/store/auth", { body: { email, password: "x" }, from: `127.0.3.${i + 1}` }))
      )
      const count = (status: number) => answers.filter((a) => a.status === status).length
      expect([count(401), count(429)]).toEqual([3, 17])
    })

    it("believes X-Forwarded-For only from a proxy listed in TRUST_PROXY", async () => {
      const spray = (client: string, i: number) =>
        call(behindProxy, "/store/auth", { body: { email: unique(`proxied${i}`), password: "x" }, from: "127.0.4.1", headers: { "x-forwarded-for": client } })
      const first = await statuses(Array.from({ length: 7 }, (_, i) => () => spray("203.0.113.10", i)))
      expect(first).toEqual([401, 401, 401, 401, 401, 401, 429])
      // The proxy forwards another browser: a different client with a counter of its own.
      expect((await spray("203.0.113.11", 99)).status).toBe(401)
      // A client cannot prepend its own pick: the proxy's entry, the last one, is what counts.
      expect((await spray("203.0.113.99, 203.0.113.10", 100)).status).toBe(429)
    })

    it("records the same trusted client address on carts", async () => {
      const regions = (await call(server, "/store/regions", { method: "GET" })).json
      const create = (s: TestServer) =>
        call(s, "/store/carts", { body: { region_id: regions.regions[0].id }, from: "127.0.4.2", headers: { "x-forwarded-for": "203.0.113.50" } })
      expect((await create(server)).json.cart.context.ip).toBe("127.0.4.2")
      expect((await create(behindProxy)).json.cart.context.ip).toBe("203.0.113.50")
    })
  })

  it("limits repeated completion attempts of one cart", async () => {
    const regions = (await call(server, "/store/regions", { method: "GET" })).json
    const cart = (await call(server, "/store/carts", { body: { region_id: regions.regions[0].id } })).json
    const answers = await statuses([1, 2, 3].map(() => () => call(server, `/store/carts/${cart.cart.id}/complete`, { from: "127.0.5.1" })))
    expect(answers[0]).toBeLessThan(429)
    expect(answers[1]).toBeLessThan(429)
    expect(answers[2]).toBe(429)
  })

  it("limits registrations per client", async () => {
    const register = () =>
      call(server, "/store/customers", { body: { email: unique("signup"), password: "correct-horse-battery", first_name: "A", last_name: "B" }, from: "127.0.6.1" })
    const answers = await statuses([register, register, register, register, register])
    expect(answers).toEqual([200, 200, 200, 200, 429])
    expect((await register()).json.message).toMatch(/too many registration attempts/i)
  })

  it("limits password reset emails per address from any client, answering known and unknown emails alike", async () => {
    const known = unique("known")
    await call(server, "/store/customers", { body: { email: known, password: "correct-horse-battery", first_name: "A", last_name: "B" }, from: "127.0.7.1" })
    const unknown = unique("unknown")
    const reset = (email: string, ip: string) => call(server, "/store/customers/password-token", { body: { email }, from: ip })
    const forKnown = await Promise.all([reset(known, "127.0.7.2"), reset(known, "127.0.7.3")])
    const forUnknown = await Promise.all([reset(unknown, "127.0.7.4"), reset(unknown, "127.0.7.5")])
    expect([...forKnown, ...forUnknown].map((a) => [a.status, a.json])).toEqual(Array(4).fill([204, undefined]))
    expect((await reset(known, "127.0.7.6")).status).toBe(429)
    expect((await reset(unknown, "127.0.7.7")).status).toBe(429)
  })

  it("limits password changes per address and token guesses per client", async () => {
    const email = unique("changed")
    const change = (ip: string) =>
      call(server, "/store/customers/password-reset", { body: { email, token: "guessed.token.value", password: "new-password-1" }, from: ip })
    expect(await statuses(["127.0.10.1", "127.0.10.2", "127.0.10.3"].map((ip) => () => change(ip)))).toEqual([401, 401, 429])

    const confirm = () => call(server, "/store/email-verification/confirm", { body: { token: "A".repeat(43) }, from: "127.0.10.4" })
    expect(await statuses([confirm, confirm, confirm, confirm, confirm])).toEqual([400, 400, 400, 400, 429])
  })

  it("limits order lookups per client and per email", async () => {
    const lookup = (email: string, ip: string) => call(server, "/store/orders/lookup", { body: { order_number: "PVA-20260101-000001", email }, from: ip })
    const perClient = await statuses(Array.from({ length: 6 }, (_, i) => () => lookup(unique(`guess${i}`), "127.0.8.1")))
    expect(perClient).toEqual([404, 404, 404, 404, 404, 429])

    const email = unique("looked-up")
    const perEmail = await statuses(["127.0.8.2", "127.0.8.3", "127.0.8.4", "127.0.8.5"].map((ip) => () => lookup(email, ip)))
    expect(perEmail).toEqual([404, 404, 404, 429])
    // Medusa's own lookup shares the counters.
    const medusa = await call(server, `/store/orders?display_id=1&email=${encodeURIComponent(email)}`, { method: "GET", from: "127.0.8.6" })
    expect(medusa.status).toBe(429)
  })

  it("limits verification emails per account", async () => {
    const email = unique("resend")
    await call(server, "/store/customers", { body: { email, password: "correct-horse-battery", first_name: "A", last_name: "B" }, from: "127.0.9.1" })
    const { access_token } = (await call(server, "/store/auth/token", { body: { email, password: "correct-horse-battery" }, from: "127.0.9.1" })).json
    const resend = (ip: string) =>
      call(server, "/store/customers/me/email-verification", { headers: { authorization: `Bearer ${access_token}` }, from: ip })
    expect(await statuses(["127.0.9.2", "127.0.9.3", "127.0.9.4"].map((ip) => () => resend(ip)))).toEqual([202, 202, 429])
  })

  it("stops one client flooding the catalog while another is still served", async () => {
    const browse = (ip: string) => call(server, "/store/catalog?limit=1", { method: "GET", from: ip })
    expect(await statuses(Array.from({ length: 6 }, () => () => browse("127.0.11.1")))).toEqual([200, 200, 200, 200, 200, 429])
    const limited = await browse("127.0.11.1")
    expect(limited.status).toBe(429)
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
    expect(limited.json.message).toMatch(/^Too many catalog request attempts: try again in \d+ seconds$/)
    const other = await browse("127.0.11.2")
    expect(other.status).toBe(200)
    expect(Array.isArray(other.json.products)).toBe(true)
  })

  it("stops one client flooding Medusa's list routes, whichever it asks, while another is still served", async () => {
    const list = (path: string, ip: string) => () => call(server, path, { method: "GET", from: ip })
    const paths = ["/store/products?limit=100", "/store/collections", "/store/regions", "/store/product-categories", "/store/products?limit=1", "/store/variants"]
    expect(await statuses(paths.map((path) => list(path, "127.0.12.1")))).toEqual([200, 200, 200, 200, 200, 429])
    const limited = await list("/store/products", "127.0.12.1")()
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0)
    expect(limited.json.message).toMatch(/^Too many list requests: try again in \d+ seconds$/)
    const other = await list("/store/products", "127.0.12.2")()
    expect(other.status).toBe(200)
    expect(Array.isArray(other.json.products)).toBe(true)
  })
})

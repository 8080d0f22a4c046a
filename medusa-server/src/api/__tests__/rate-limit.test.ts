import { createTestDatabase, TestDatabase } from "../../../test-support/database"
import { migrateAndSeed, startServer, TestServer } from "../../../test-support/server"

// A server of its own, with limits low enough to reach in a test.
describe("login and checkout are rate limited", () => {
  let db: TestDatabase
  let server: TestServer
  let publishableKey: string

  beforeAll(async () => {
    db = await createTestDatabase("ratelimit")
    publishableKey = migrateAndSeed(db.url).publishableKeys.com
    server = await startServer(db.url, { RATE_LIMIT_LOGIN: "3", RATE_LIMIT_CHECKOUT_PER_CART: "2", RATE_LIMIT_WINDOW_SECONDS: "120" })
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  const post = (path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-publishable-api-key": publishableKey },
      body: body === undefined ? undefined : JSON.stringify(body),
    })

  it("answers the fourth wrong password for an email with 429 and Retry-After", async () => {
    const attempt = () => post("/store/auth", { email: "shopper@pvabazaar.local", password: "wrong" })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await attempt()).status)
    expect(statuses).toEqual([401, 401, 401])

    const limited = await attempt()
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0)
    expect((await limited.json()).message).toMatch(/too many login attempts/i)

    // The right password is refused too while the window lasts: that is the point.
    expect((await post("/store/auth", { email: "shopper@pvabazaar.local", password: "pva-shopper-dev" })).status).toBe(429)
    // Another identity is unaffected.
    expect((await post("/store/auth", { email: "someone@example.com", password: "x" })).status).toBe(401)
  })

  it("limits repeated completion attempts of one cart", async () => {
    const regions = await (await fetch(`${server.url}/store/regions`)).json()
    const cart = await (await post("/store/carts", { region_id: regions.regions[0].id })).json()
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await post(`/store/carts/${cart.cart.id}/complete`)).status)
    expect(statuses[0]).toBeLessThan(429)
    expect(statuses[1]).toBeLessThan(429)
    expect(statuses[2]).toBe(429)
  })
})

import fs from "fs"
import { createTestDatabase, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, SeedResult, startServer, TestServer } from "@pva/test-support/server"
import { adminToken, readResponse, US_ADDRESS, createStockedProduct } from "@pva/test-support/store"
import { claimRedisDatabase, pidOwningLocalPort } from "@pva/test-support/topology"
import { startReceiver, waitFor } from "../../../plugins/medusa-plugin-partners/test-support/webhook-receiver"

/**
 * The production topology: two API processes (MEDUSA_WORKER_MODE=server) behind a load
 * balancer and two workers, all on one PostgreSQL and one Redis. Heavy by nature (four
 * servers), so it is one file whose phases share the processes, and everything it starts
 * is stopped in afterAll.
 */
const CHECKOUTS = 120
const STOCK = 50
const FEED_EVERY_SECONDS = 5

let db: TestDatabase
let seed: SeedResult
let redis: Awaited<ReturnType<typeof claimRedisDatabase>> | undefined
let receiver: Awaited<ReturnType<typeof startReceiver>>
const apis: TestServer[] = []
const workers: TestServer[] = []
const tokens = new Map<string, string>()

async function call(server: TestServer, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/json", "x-publishable-api-key": seed.publishableKeys.com, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return readResponse(res)
}

async function admin(server: TestServer, method: string, path: string, body?: unknown) {
  if (!tokens.has(server.url)) tokens.set(server.url, await adminToken(server.url))
  const res = await call(server, method, path, body, { authorization: `Bearer ${tokens.get(server.url)}` })
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`)
  return res.json
}

async function partnerWithProduct(fields: Record<string, unknown>, stock: number) {
  const [api] = apis
  const handle = `topo-${Math.random().toString(36).slice(2, 9)}`
  const { partner } = await admin(api, "POST", "/admin/partners", { name: `Coop ${handle}`, handle, country: "Kenya", status: "approved", ...fields })
  const sku = `TOPO-${handle.toUpperCase()}`
  const { variantId } = await createStockedProduct(stock, {
    title: `Piece ${sku}`,
    sku,
    prices: [{ currency_code: "usd", amount: 10000 }],
    partnerId: partner.id,
    baseUrl: api.url,
    seed,
  })
  return { partnerId: partner.id as string, variantId, sku }
}

/** A cart ready to complete, built through `server`: five requests, as a storefront makes them. */
async function readyCart(server: TestServer, regionId: string, variantId: string) {
  const { json } = await call(server, "POST", "/store/carts", { region_id: regionId, items: [{ variant_id: variantId, quantity: 1 }] })
  const cartId = json.cart.id as string
  const steps: Array<[string, string, unknown?]> = [
    ["POST", `/store/carts/${cartId}`, { email: `buyer-${cartId.slice(-8).toLowerCase()}@example.com`, shipping_address: US_ADDRESS, billing_address: US_ADDRESS }],
    ["GET", `/store/shipping-options/${cartId}`],
  ]
  let optionId = ""
  for (const [method, path, body] of steps) {
    const res = await call(server, method, path, body)
    if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 200)}`)
    if (res.json.shipping_options) optionId = res.json.shipping_options[0].id
  }
  for (const [path, body] of [
    [`/store/carts/${cartId}/shipping-methods`, { option_id: optionId }],
    [`/store/carts/${cartId}/payment-sessions`, undefined],
    [`/store/carts/${cartId}/payment-session`, { provider_id: "manual" }],
  ] as Array<[string, unknown]>) {
    const res = await call(server, "POST", path, body)
    if (res.status !== 200) throw new Error(`POST ${path}: ${res.status} ${res.text.slice(0, 200)}`)
  }
  return cartId
}

async function inBatches<T, R>(items: T[], size: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)))))
  return out
}

/** What the workers warned about (a failed subscriber is only a warning in Medusa). */
const workerWarnings = () =>
  workers.flatMap((w) => fs.readFileSync(w.logFile, "utf8").split("\n").filter((l) => /warn|error/i.test(l) && !/DeprecationWarning|trace-deprecation/.test(l)))

async function expectEmailPerOrder(orderIds: string[]) {
  const arrived = await waitFor("an email per order", async () => (await orderEmails(orderIds)).length === orderIds.length, 120_000).catch(() => false)
  const emails = await orderEmails(orderIds)
  const missing = orderIds.filter((id) => !emails.some((e) => e.resource_id === id))
  expect({ arrived, missing, twice: emails.filter((e) => e.n !== 1), warnings: missing.length ? workerWarnings().slice(-20) : [] }).toEqual({
    arrived: true,
    missing: [],
    twice: [],
    warnings: [],
  })
}

const orderEmails = (orderIds: string[]) =>
  query<{ resource_id: string; n: number }>(
    db.url,
    `SELECT resource_id, count(*)::int AS n FROM email_outbox WHERE event_name = 'order.placed' AND resource_id = ANY($1) GROUP BY resource_id`,
    [orderIds]
  )

let regionId: string
const FEED_PARTNER_ID = "partner_topology_feed"
const startedAt = Date.now()

beforeAll(async () => {
  // Fails the suite, with a message saying so, when no Redis answers.
  redis = await claimRedisDatabase("production-topology")
  receiver = await startReceiver()
  db = await createTestDatabase("topology")
  seed = migrateAndSeed(db.url)
  const shared = {
    REDIS_URL: redis.url,
    MEDUSA_SKIP_MIGRATIONS: "true",
    WEBHOOK_ALLOWED_HOSTS: "localhost",
    WEBHOOK_POLL_INTERVAL_MS: "200",
    WEBHOOK_TIMEOUT_MS: "3000",
    WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,1,1,1,1",
    RATE_LIMIT_CHECKOUT_PER_IP: "100000",
    RATE_LIMIT_LOGIN: "5",
    PARTNER_FEED_SYNC_SCHEDULE: `*/${FEED_EVERY_SECONDS} * * * * *`,
    // Four servers share this PostgreSQL (100 connections) with other tests; at 4 a process,
    // concurrent cart requests waited on each other for good.
    DATABASE_POOL_MAX: "10",
    // Each order sends exactly one webhook (`order.placed`); none is paid, so no `order.paid`.
    MANUAL_PAYMENT_AUTO_CAPTURE: "false",
  }
  // The feed partner exists before any process schedules the sync, so every firing syncs it.
  receiver.script("/feed.json", [], { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ "TOPO-FEED": 7 }) })
  await query(
    db.url,
    `INSERT INTO partner (id, name, handle, country, status, inventory_feed_url) VALUES ($1, 'Feed Coop', 'topo-feed', 'Kenya', 'approved', $2)`,
    [FEED_PARTNER_ID, receiver.url("/feed.json")]
  )
  // One after another: four servers booting at once on a shared two-core machine time out.
  for (let i = 0; i < 2; i++) apis.push(await startServer(db.url, { ...shared, MEDUSA_WORKER_MODE: "server" }))
  for (let i = 0; i < 2; i++) workers.push(await startServer(db.url, { ...shared, MEDUSA_WORKER_MODE: "worker", LOG_LEVEL: "warn" }))
  const { regions } = (await call(apis[0], "GET", "/store/regions")).json
  regionId = regions.find((r: any) => r.currency_code === "usd").id
}, 600_000)

afterAll(async () => {
  await Promise.all([...apis, ...workers].map((s) => s.stop()))
  await receiver?.close()
  await db?.drop()
  await redis?.release()
}, 120_000)

describe("two API processes and two workers on one PostgreSQL and one Redis", () => {
  let orderIds: string[] = []
  let partner: { partnerId: string; variantId: string }

  it(`sell ${STOCK} units, never more, to ${CHECKOUTS} concurrent checkouts spread over both APIs`, async () => {
    partner = await partnerWithProduct({ webhook_url: receiver.url("/orders") }, STOCK)
    const cartIds = await inBatches(Array.from({ length: CHECKOUTS }), 8, (_, i) => readyCart(apis[i % 2], regionId, partner.variantId))

    const results = await Promise.all(cartIds.map((id, i) => call(apis[i % 2], "POST", `/store/carts/${id}/complete`)))
    const orders = results.filter((r) => r.status === 200 && r.json?.type === "order")
    orderIds = orders.map((r) => r.json.data.id)
    expect(orders).toHaveLength(STOCK)
    const refused = results.filter((r) => !(r.status === 200 && r.json?.type === "order"))
    expect(refused.filter((r) => r.status >= 500).map((r) => r.text.slice(0, 200))).toEqual([])
    // Both APIs sold.
    expect(new Set(results.map((r, i) => (r.json?.type === "order" ? i % 2 : -1)).filter((x) => x >= 0))).toEqual(new Set([0, 1]))

    const [variant] = await query(db.url, `SELECT inventory_quantity FROM product_variant WHERE id = $1`, [partner.variantId])
    expect(variant.inventory_quantity).toBe(0)
    const [sold] = await query(db.url, `SELECT coalesce(sum(quantity), 0)::int AS n FROM line_item WHERE variant_id = $1 AND order_id IS NOT NULL`, [partner.variantId])
    expect(sold.n).toBe(STOCK)
  }, 600_000)

  it("deliver each order's webhook once, and send each order's email once, with both workers running", async () => {
    await waitFor("a webhook per order", async () => receiver.at("/orders").length >= STOCK, 120_000)
    await expectEmailPerOrder(orderIds)
    await new Promise((r) => setTimeout(r, 4000)) // a second copy would come within a poll or two
    const received = receiver.at("/orders")
    expect(received).toHaveLength(STOCK)
    expect(new Set(received.map((r) => r.id)).size).toBe(STOCK)
    expect(new Set(received.map((r) => JSON.parse(r.body).data.order.id))).toEqual(new Set(orderIds))
    expect((await orderEmails(orderIds)).filter((e) => e.n !== 1)).toEqual([])
  }, 300_000)

  it("hold admin sessions and rate limits across both APIs", async () => {
    const login = await call(apis[0], "POST", "/admin/auth", { email: "admin@pvabazaar.local", password: "pva-admin-dev" })
    expect(login.status).toBe(200)
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]
    expect(cookie).toMatch(/^connect\.sid=/)
    const elsewhere = await call(apis[1], "GET", "/admin/auth", undefined, { cookie })
    expect(elsewhere.status).toBe(200)
    expect(elsewhere.json.user.email).toBe("admin@pvabazaar.local")

    // RATE_LIMIT_LOGIN=5 per identity: the sixth attempt is refused whichever API it reaches.
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) {
      statuses.push((await call(apis[i % 2], "POST", "/store/auth", { email: "nobody@example.com", password: `wrong-${i}` })).status)
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true)
    expect(statuses[5]).toBe(429)
  }, 120_000)

  it("run a scheduled job once per firing, not once per process", async () => {
    const wait = Math.max(0, startedAt + 3 * FEED_EVERY_SECONDS * 1000 - Date.now())
    await new Promise((r) => setTimeout(r, wait))
    const runs = await query<{ t: Date }>(
      db.url,
      `SELECT started_at AS t FROM partner_feed_sync WHERE partner_id = $1 AND trigger = 'schedule' ORDER BY started_at`,
      [FEED_PARTNER_ID]
    )
    const firings = await query<{ t: Date }>(db.url, `SELECT fired_at AS t FROM scheduled_job_run WHERE name = 'pva-partner-feed-sync' ORDER BY fired_at`)
    expect(firings.length).toBeGreaterThanOrEqual(2)
    // Each firing ran once, and nothing ran without a firing of its own, though four processes
    // take jobs from the schedule's queue.
    // (The latest firing's run may still be on its way.)
    expect(runs.length).toBeLessThanOrEqual(firings.length)
    expect(runs.length).toBeGreaterThanOrEqual(firings.length - 1)
    const span = new Date(firings[firings.length - 1].t).getTime() - new Date(firings[0].t).getTime()
    expect(firings.length).toBeLessThanOrEqual(span / (FEED_EVERY_SECONDS * 1000) + 1)
  }, 120_000)

  it("lose no webhook and no email when a worker is killed (kill -9) mid-delivery", async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    receiver.script("/held", [{ status: 200, hold: held }], { status: 200 })
    const second = await partnerWithProduct({ webhook_url: receiver.url("/held") }, 10)
    const place = async (api: TestServer) => (await call(api, "POST", `/store/carts/${await readyCart(api, regionId, second.variantId)}/complete`)).json.data.id as string

    const first = await place(apis[0])
    const [inFlight] = await waitFor("the first delivery attempt", async () => receiver.at("/held").length === 1 && receiver.at("/held"), 60_000)
    const victim = workers.find((w) => w.process.pid === pidOwningLocalPort(inFlight.remotePort, workers.map((w) => w.process.pid!)))
    expect(victim).toBeDefined()
    victim!.process.kill("SIGKILL")
    const survivors = workers.filter((w) => w !== victim)
    // Orders keep coming while one worker is dead.
    const more = [await place(apis[1]), await place(apis[0])]
    release()

    const ids = [first, ...more]
    await waitFor("every webhook delivered", async () => {
      const rows = await query(db.url, `SELECT status FROM webhook_delivery WHERE order_id = ANY($1)`, [ids])
      return rows.length === ids.length && rows.every((r) => r.status === "delivered")
    }, 120_000)
    await expectEmailPerOrder(ids)
    // The killed attempt was never answered; its redelivery carries the same webhook-id.
    const byOrder = receiver.at("/held").filter((r) => JSON.parse(r.body).data.order.id === first)
    expect(new Set(byOrder.map((r) => r.id)).size).toBe(1)
    expect(survivors).toHaveLength(1)
  }, 300_000)
})

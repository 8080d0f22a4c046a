import { Queue } from "bullmq"
import Redis from "ioredis"
import { query, reachable } from "@pva/test-support/database"
import { startServer, TestServer } from "@pva/test-support/server"
import { adminToken, cookieSession, createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"
import { startReceiver, waitFor } from "../../../../plugins/medusa-plugin-partners/test-support/webhook-receiver"

// A Redis database of its own, so no other process on this Redis consumes this server's events.
const REDIS_URL = `${process.env.REDIS_URL || "redis://127.0.0.1:6379"}`.replace(/\/\d*$/, "") + `/${1 + Math.floor(Math.random() * 15)}`

// Runs where a Redis server is reachable (CI and dev machines here have one); every
// other suite exercises the embedded defaults.
describe("with REDIS_URL set", () => {
  let server: TestServer | undefined
  let redis: Redis | undefined
  let available = false

  beforeAll(async () => {
    const { hostname, port } = new URL(REDIS_URL)
    available = await reachable(hostname, Number(port || 6379))
    if (!available) return
    redis = new Redis(REDIS_URL)
    server = await startServer(process.env.PVA_TEST_DATABASE_URL!, {
      REDIS_URL,
      RATE_LIMIT_CHECKOUT_PER_IP: "1000",
      WEBHOOK_ALLOWED_HOSTS: "localhost",
      PARTNER_FEED_SYNC_HOUR_UTC: "4",
    })
  })

  afterAll(async () => {
    await server?.stop()
    redis?.disconnect()
  })

  it("runs checkout on the Redis event bus and counts rate limits in Redis", async () => {
    if (!available) {
      console.warn(`Redis not reachable at ${REDIS_URL}: skipped`)
      return
    }
    const log = require("fs").readFileSync(server!.logFile, "utf8")
    expect(log).not.toMatch(/Local Event Bus installed/)

    const { variantId } = await createStockedProduct(2)
    const client = storeClient("com", { baseUrl: server!.url })
    const cartId = await readyCart(client, { variantId })
    const completion: any = await client.carts.complete(cartId)
    expect(completion.type).toBe("order")
    expect(completion.data.pva_number).toMatch(/^PVA-/)

    const keys = await redis!.keys(`pva:ratelimit:checkout:cart:${cartId}*`)
    expect(keys.length).toBe(1)
  })

  it("schedules the nightly feed sync and hourly recommendation refresh on Redis, and a due sync runs", async () => {
    if (!available) return
    // Medusa's scheduler keeps repeatable jobs in a bullmq queue on Redis.
    const connection = new Redis(REDIS_URL, { maxRetriesPerRequest: null })
    const queue = new Queue("scheduled-jobs-queue", { connection, prefix: "JobSchedulerService" })
    const feeds = await startReceiver()
    try {
      const repeatable = await queue.getRepeatableJobs()
      expect(repeatable).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: "pva-partner-feed-sync", pattern: "0 4 * * *" }),
          expect.objectContaining({ name: "archetype-refresh-recommendation-signals", pattern: "0 * * * *" }),
        ])
      )

      const handle = `redis-feed-${Date.now().toString(36)}`
      const created = await fetch(`${server!.url}/admin/partners`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${await adminToken(server!.url)}` },
        body: JSON.stringify({ name: `Coop ${handle}`, handle, country: "Kenya", status: "approved", inventory_feed_url: feeds.url("/feed.json") }),
      })
      expect(created.status).toBe(201)
      const partnerId = (await created.json()).partner.id
      feeds.script("/feed.json", [], { status: 200, headers: { "content-type": "application/json" }, body: "[]" })

      // The job coming due is bullmq handing the worker a job of that name; add one now instead of waiting for 04:00.
      await queue.add("pva-partner-feed-sync", { eventName: "pva-partner-feed-sync", data: {} })
      const [report] = await waitFor("scheduled sync report", () =>
        query(process.env.PVA_TEST_DATABASE_URL!, `SELECT status, trigger FROM partner_feed_sync WHERE partner_id = $1`, [partnerId]).then(
          (rows) => rows.length > 0 && rows
        )
      )
      expect(report).toEqual({ status: "ok", trigger: "schedule" })
      expect(feeds.at("/feed.json")).toHaveLength(1)
    } finally {
      await queue.close()
      connection.disconnect()
      await feeds.close()
    }
  })

  it("a password change ends the account's other cookie sessions, which Redis keeps", async () => {
    if (!available) throw new Error(`Redis not reachable at ${REDIS_URL}`)
    const email = `redis-sessions-${Date.now().toString(36)}@example.com`
    await storeClient("com", { baseUrl: server!.url }).customers.create({ email, password: "first-password-1", first_name: "R", last_name: "S" })
    const other = await cookieSession(email, "first-password-1", server!.url)
    const changer = await cookieSession(email, "first-password-1", server!.url)
    const session = (headers: Record<string, string>) => fetch(`${server!.url}/store/auth`, { headers }).then((r) => r.status)
    expect([await session(other), await session(changer)]).toEqual([200, 200])
    const changed = await fetch(`${server!.url}/store/customers/me`, {
      method: "POST",
      headers: { "content-type": "application/json", ...changer },
      body: JSON.stringify({ password: "second-password-2", current_password: "first-password-1" }),
    })
    expect(changed.status).toBe(200)
    expect([await session(other), await session(changer)]).toEqual([401, 200])
  })
})

import { Queue } from "bullmq"
import Redis from "ioredis"
import { query } from "@pva/test-support/database"
import { startServer, TestServer } from "@pva/test-support/server"
import { adminToken, cookieSession, createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"
import { claimRedisDatabase } from "@pva/test-support/topology"
import { startReceiver, waitFor } from "../../../../plugins/medusa-plugin-partners/test-support/webhook-receiver"

// The server on Redis (every other suite exercises the embedded defaults). Without a Redis
// the suite fails, saying so: .ci/run starts one.
describe("with REDIS_URL set", () => {
  let server: TestServer | undefined
  // A Redis database of its own, so no other process on this Redis consumes this server's events.
  let claimed: Awaited<ReturnType<typeof claimRedisDatabase>> | undefined
  let REDIS_URL: string
  let redis: Redis

  beforeAll(async () => {
    claimed = await claimRedisDatabase("redis-modules")
    ;({ url: REDIS_URL, redis } = claimed)
    server = await startServer(process.env.PVA_TEST_DATABASE_URL!, {
      REDIS_URL,
      RATE_LIMIT_CHECKOUT_PER_IP: "1000",
      WEBHOOK_ALLOWED_HOSTS: "localhost",
      PARTNER_FEED_SYNC_HOUR_UTC: "4",
    })
  })

  afterAll(async () => {
    await server?.stop()
    await claimed?.release()
  })

  it("runs checkout on the Redis event bus and counts rate limits in Redis", async () => {
    const log = require("fs").readFileSync(server!.logFile, "utf8")
    expect(log).not.toMatch(/Local Event Bus installed/)

    const { variantId } = await createStockedProduct(2)
    const client = storeClient("com", { baseUrl: server!.url })
    const cartId = await readyCart(client, { variantId })
    const completion: any = await client.carts.complete(cartId)
    expect(completion.type).toBe("order")
    expect(completion.data.pva_number).toMatch(/^PVA-/)

    const keys = await redis.keys(`pva:ratelimit:checkout:cart:${cartId}*`)
    expect(keys.length).toBe(1)
  })

  it("schedules the nightly feed sync and hourly recommendation refresh on Redis, and a due sync runs", async () => {
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

  it("keeps selling when Redis drops every connection of the server, and goes back to Redis", async () => {
    // Only this server's connections: other runs share the Redis, each on a database of its own.
    const db = Number(new URL(REDIS_URL).pathname.slice(1))
    const own = await redis.client("ID")
    const theirs = String(await redis.client("LIST"))
      .split("\n")
      .map((line) => Object.fromEntries(line.split(" ").map((kv) => kv.split("="))))
      .filter((c) => Number(c.db) === db && Number(c.id) !== own)
    expect(theirs.length).toBeGreaterThan(0)
    for (const c of theirs) await redis.client("KILL", "ID", c.id)

    const { variantId } = await createStockedProduct(1)
    const client = storeClient("com", { baseUrl: server!.url })
    const cartId = await readyCart(client, { variantId })
    const completion: any = await client.carts.complete(cartId)
    expect(completion.type).toBe("order")
    // The order's event went over the Redis event bus again, and the rate limit counted in Redis.
    await waitFor("the order's email queued by its subscriber", async () =>
      (await query(process.env.PVA_TEST_DATABASE_URL!, `SELECT 1 FROM email_outbox WHERE event_name = 'order.placed' AND resource_id = $1`, [completion.data.id])).length > 0
    )
    expect(await redis.keys(`pva:ratelimit:checkout:cart:${cartId}*`)).toHaveLength(1)
    expect(server!.process.exitCode).toBeNull()
    expect(require("fs").readFileSync(server!.logFile, "utf8")).not.toMatch(/Unhandled 'error' event/)
  })

  it("a password change ends the account's other cookie sessions, which Redis keeps", async () => {
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

import Redis from "ioredis"
import { reachable } from "../../../test-support/database"
import { startServer, TestServer } from "../../../test-support/server"
import { createStockedProduct, readyCart, storeClient } from "../../../test-support/store"

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
    server = await startServer(process.env.PVA_TEST_DATABASE_URL!, { REDIS_URL, RATE_LIMIT_CHECKOUT_PER_IP: "1000" })
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
})

import { nthEmailTo } from "@pva/test-support/email"
import { createTestDatabase, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, startServer, TestServer } from "@pva/test-support/server"
import { createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"

const POOL = 4
const SHOPPERS = 30
// Generous for a loaded 2-core machine; a stalled server never answers at all.
const ANSWER_WITHIN_MS = 90_000

// A database and server of their own: the store helpers follow PVA_TEST_* (this file's copy
// of the environment), and the placed orders' events are handled by this server alone.
describe(`checkouts on a server with a pool of ${POOL} database connections`, () => {
  let db: TestDatabase | undefined
  let server: TestServer | undefined

  beforeAll(async () => {
    db = await createTestDatabase("pool")
    const seed = migrateAndSeed(db.url)
    server = await startServer(db.url, { DATABASE_POOL_MAX: String(POOL), RATE_LIMIT_CHECKOUT_PER_IP: "1000" })
    process.env.PVA_TEST_SERVER_URL = server.url
    process.env.PVA_TEST_DATABASE_URL = db.url
    process.env.PVA_TEST_SEED = JSON.stringify(seed)
  })

  afterAll(async () => {
    await server?.stop()
    await db?.drop()
  })

  it(`all complete, each with its confirmation email, when ${SHOPPERS} shoppers check out at the same moment`, async () => {
    const { variantId } = await createStockedProduct(SHOPPERS)
    const client = storeClient("com")
    const run = Date.now().toString(36)
    const buyers = Array.from({ length: SHOPPERS }, (_, i) => `pool-${run}-${i}@example.com`)
    const cartIds: string[] = []
    for (const email of buyers) cartIds.push(await readyCart(client, { variantId, email }))

    const deadline = AbortSignal.timeout(ANSWER_WITHIN_MS)
    const outcomes = await Promise.all(
      cartIds.map(async (id) => {
        try {
          const res = await fetch(`${server!.url}/store/carts/${id}/complete`, { method: "POST", signal: deadline })
          const body: any = await res.json()
          return res.status === 200 && body.type === "order" ? "order" : `${res.status} ${JSON.stringify(body).slice(0, 200)}`
        } catch (err: any) {
          return `no answer within ${ANSWER_WITHIN_MS / 1000}s (${err.name})`
        }
      })
    )

    expect(outcomes).toEqual(Array(SHOPPERS).fill("order"))
    const [{ inventory_quantity }] = await query(db!.url, "SELECT inventory_quantity FROM product_variant WHERE id = $1", [variantId])
    expect(inventory_quantity).toBe(0)

    // Each buyer's confirmation email goes out while later checkouts still run.
    await Promise.all(buyers.map((to) => nthEmailTo(to, "order.placed", 1, db!.url, ANSWER_WITHIN_MS)))
  })
})

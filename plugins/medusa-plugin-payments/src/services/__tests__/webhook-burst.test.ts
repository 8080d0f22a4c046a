import { createTestDatabase, freePort, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, RELAXED_RATE_LIMITS, startServer, TestServer } from "@pva/test-support/server"
import { createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"
import { confirmInBrowser, STAND_IN_SECRET_KEY, startStripeStandIn, StripeStandIn, TEST_PAYMENT_METHODS } from "@pva/test-support/stripe-stand-in"

/**
 * A burst of Stripe webhooks larger than the server's database pool, each racing the shopper's
 * own completion of the same cart: every cart waits for its lock and every webhook for its
 * settlement's connections, and none of them may keep a connection while it waits.
 */
const POOL = 4
const CARTS = 12
const COPIES = 2
// Generous for a loaded 2-core machine; a starved server never answers at all.
const ANSWER_WITHIN_MS = 120_000

let standIn: StripeStandIn
let db: TestDatabase
let server: TestServer

beforeAll(async () => {
  // Events are delivered by the test, all at once, not as each intent changes.
  standIn = await startStripeStandIn()
  db = await createTestDatabase("webhook_burst")
  const seed = migrateAndSeed(db.url, { STRIPE_API_KEY: STAND_IN_SECRET_KEY })
  server = await startServer(
    db.url,
    {
      ...RELAXED_RATE_LIMITS,
      DATABASE_POOL_MAX: String(POOL),
      LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? "error",
      STRIPE_API_KEY: STAND_IN_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: standIn.webhookSecret,
      STRIPE_API_URL: standIn.url,
    },
    await freePort()
  )
  Object.assign(process.env, { PVA_TEST_SERVER_URL: server.url, PVA_TEST_SEED: JSON.stringify(seed), PVA_TEST_DATABASE_URL: db.url })
}, 300_000)

afterAll(async () => {
  standIn.webhookUrl = undefined
  await standIn?.settled()
  await server?.stop()
  await standIn?.close()
  await db?.drop()
  if (process.env.KEEP_LOG === "1") console.log(`server log: ${server?.logFile}`)
  else server?.removeLog()
})

describe(`a server with a pool of ${POOL} connections`, () => {
  it(`places each of ${CARTS} card carts once when their webhooks (each twice) and the shoppers' completions all arrive at the same moment`, async () => {
    const { variantId } = await createStockedProduct(CARTS)
    const client = storeClient("com")
    const carts: Array<{ cartId: string; intentId: string }> = []
    for (let i = 0; i < CARTS; i++) {
      const cartId = await readyCart(client, { variantId, provider: "stripe" })
      const { cart } = await client.carts.retrieve(cartId)
      const session = (cart as unknown as { payment_session: { data: { id: string; client_secret: string } } }).payment_session
      await confirmInBrowser(standIn, session.data.client_secret, TEST_PAYMENT_METHODS.succeeds)
      carts.push({ cartId, intentId: session.data.id })
    }
    const events = carts.map(({ intentId }) => standIn.lastEvent("payment_intent.amount_capturable_updated", intentId))
    standIn.webhookUrl = `${server.url}/stripe/hooks`

    const deadline = AbortSignal.timeout(ANSWER_WITHIN_MS)
    const completions = carts.map(async ({ cartId }) => {
      try {
        const res = await fetch(`${server.url}/store/carts/${cartId}/complete`, { method: "POST", signal: deadline })
        const body = (await res.json()) as { type?: string }
        return res.status === 200 && body.type === "order" ? "order" : `${res.status} ${JSON.stringify(body).slice(0, 200)}`
      } catch (err) {
        return `no answer within ${ANSWER_WITHIN_MS / 1000}s (${(err as Error).name})`
      }
    })
    // A starved server never answers the stand-in's deliveries: they count as unanswered at the deadline.
    const unanswered = new Promise<string>((resolve) => deadline.addEventListener("abort", () => resolve(`no answer within ${ANSWER_WITHIN_MS / 1000}s`)))
    const deliveries = events.map((event) => Promise.race([standIn.deliver(event, { times: COPIES }), unanswered]))
    const [answered, delivered] = await Promise.all([Promise.all(completions), Promise.all(deliveries)])

    expect(answered).toEqual(Array(CARTS).fill("order"))
    expect(delivered).toEqual(Array(CARTS).fill(Array(COPIES).fill(200)))
    const orders = await query<{ cart_id: string; n: number }>(
      db.url,
      `SELECT cart_id, count(*)::int AS n FROM "order" WHERE cart_id = ANY($1) GROUP BY cart_id`,
      [carts.map((c) => c.cartId)]
    )
    expect(orders).toHaveLength(CARTS)
    expect(orders.every((o) => o.n === 1)).toBe(true)
    const ledger = await query<{ id: string }>(db.url, `SELECT id FROM stripe_webhook_event WHERE id = ANY($1) AND applied_at IS NOT NULL`, [
      events.map((e) => e.id),
    ])
    expect(ledger).toHaveLength(CARTS)
  }, ANSWER_WITHIN_MS + 120_000)
})

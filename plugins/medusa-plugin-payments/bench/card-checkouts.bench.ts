// `npm run bench -w @pva/medusa-plugin-payments`: N card checkouts through the Stripe stand-in
// against N manual ones in the same run, on one seeded server. Every fourth checkout also
// buys a piece with a digital twin, so the capture policy takes both paths (captured at
// placement, captured at fulfilment). Prints throughput of both and their ratio, then checks
// the invariants; wall times are never asserted.
import { createTestDatabase, freePort, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, RELAXED_RATE_LIMITS, startServer, TestServer } from "@pva/test-support/server"
import { adminToken, createStockedProduct, http, readyCart, storeClient } from "@pva/test-support/store"
import { confirmInBrowser, STAND_IN_SECRET_KEY, startStripeStandIn, StripeStandIn, TEST_PAYMENT_METHODS } from "@pva/test-support/stripe-stand-in"
import { waitFor } from "@pva/test-support/wait"

const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS || 300)
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 10)
const TWIN_EVERY = 4
/** A checkout still unanswered after this long counts as stalled, so a pool deadlock ends the run with a report instead of hanging it. */
const STALL_MS = Number(process.env.BENCH_STALL_MS || 120_000)

/** Straight to stdout: jest holds console output back until the file ends, and a stalled run would print nothing. */
const say = (line: string) => process.stdout.write(`${line}\n`)

async function pool<T>(count: number, limit: number, run: (i: number) => Promise<T>): Promise<T[]> {
  let next = 0
  const results: T[] = []
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) {
        const i = next++
        results[i] = await run(i)
      }
    })
  )
  return results
}

type Checkout = { cartId: string; order?: string; answer?: string; intentId?: string; withTwin: boolean }

let standIn: StripeStandIn
let db: TestDatabase
let server: TestServer
let token: string
/** PaymentIntent id → capture calls the stand-in received for it. */
const captureCalls = new Map<string, number>()

beforeAll(async () => {
  standIn = await startStripeStandIn()
  const capture = standIn.state.captureIntent.bind(standIn.state)
  standIn.state.captureIntent = (intentId, params) => {
    captureCalls.set(intentId, (captureCalls.get(intentId) ?? 0) + 1)
    return capture(intentId, params)
  }
  db = await createTestDatabase("paybench")
  const seed = migrateAndSeed(db.url, { STRIPE_API_KEY: STAND_IN_SECRET_KEY })
  server = await startServer(
    db.url,
    { ...RELAXED_RATE_LIMITS, LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? "error", STRIPE_API_KEY: STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: standIn.webhookSecret, STRIPE_API_URL: standIn.url },
    await freePort()
  )
  standIn.webhookUrl = `${server.url}/stripe/hooks`
  Object.assign(process.env, { PVA_TEST_SERVER_URL: server.url, PVA_TEST_SEED: JSON.stringify(seed), PVA_TEST_DATABASE_URL: db.url })
  token = await adminToken(server.url)
}, 600_000)

afterAll(async () => {
  await standIn?.settled()
  await server?.stop()
  await standIn?.close()
  await db?.drop()
  if (process.env.KEEP_LOG === "1") say(`server log: ${server?.logFile}`)
  else server?.removeLog()
})

const admin = (method: string, path: string, body?: unknown) => http(method, path, { body, headers: { authorization: `Bearer ${token}` } })

/** One shopper's whole checkout: cart, address, shipping, payment session, (card: Stripe.js confirms), complete. */
async function checkout(provider: "manual" | "stripe", variantId: string, twinVariantId: string, i: number): Promise<Checkout> {
  const client = storeClient("com")
  const withTwin = i % TWIN_EVERY === 0
  const cartId = await readyCart(client, { variantId, moreVariantIds: withTwin ? [twinVariantId] : [], email: `bench-${provider}-${i}@example.com`, provider })
  let intentId: string | undefined
  if (provider === "stripe") {
    const session = ((await client.carts.retrieve(cartId)).cart as any).payment_session
    intentId = session.data.id
    const confirmed = await confirmInBrowser(standIn, session.data.client_secret, TEST_PAYMENT_METHODS.succeeds)
    if (confirmed.body.status !== "requires_capture") return { cartId, intentId, withTwin, answer: `confirm: ${confirmed.status} ${confirmed.body.status ?? confirmed.body.error?.message}` }
  }
  const completed: any = await client.carts.complete(cartId).catch((e) => ({ type: "error", message: e?.response?.data?.message ?? String(e) }))
  if (completed.type === "order") return { cartId, intentId, withTwin, order: completed.data.id }
  return { cartId, intentId, withTwin, answer: `${completed.type} ${completed.message ?? completed.payment_error?.message ?? ""}`.slice(0, 160) }
}

async function timed(label: string, run: (i: number) => Promise<Checkout>) {
  const started = process.hrtime.bigint()
  let stalled = 0
  const results = await pool(CHECKOUTS, CONCURRENCY, (i) => {
    let timer: NodeJS.Timeout | undefined
    const stall = new Promise<Checkout>((resolve) => {
      timer = setTimeout(() => {
        stalled++
        resolve({ cartId: "", withTwin: false, answer: `stalled: no answer within ${STALL_MS} ms` })
      }, STALL_MS)
    })
    const answer = run(i).catch((e): Checkout => ({ cartId: "", withTwin: false, answer: `threw: ${e?.message ?? e}`.slice(0, 160) }))
    return Promise.race([answer, stall]).finally(() => clearTimeout(timer))
  })
  if (stalled) say(`${label}: ${stalled} stalled; the server's connections then:\n${await connectionReport()}`)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const orders = results.filter((r) => r.order).length
  const perSecond = orders / seconds
  say(`${label}: ${orders}/${CHECKOUTS} orders in ${seconds.toFixed(1)} s = ${perSecond.toFixed(2)} checkouts/s`)
  const byAnswer = new Map<string, number>()
  for (const r of results) if (!r.order) byAnswer.set(r.answer!, (byAnswer.get(r.answer!) ?? 0) + 1)
  if (byAnswer.size) say(`${label}: not orders:\n${[...byAnswer].map(([answer, n]) => `  ${n} × ${answer}`).join("\n")}`)
  return { results, orders, perSecond }
}

/** What the server's database connections are doing, grouped: shows a pool deadlock (idle in transaction, lock waits). */
async function connectionReport() {
  const rows = await query<{ state: string; query: string; n: number }>(
    db.url,
    `SELECT state, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query, count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1, 2 ORDER BY 3 DESC`
  )
  return rows.map((r) => `  ${r.n} × ${r.state}: ${r.query}`).join("\n")
}

/** `work`, or a failure with the server's connections printed when it takes longer than `ms`. */
async function stallGuard<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const stall = new Promise<never>((_, reject) => {
    timer = setTimeout(async () => {
      say(`${label}: stalled; the server's connections then:\n${await connectionReport()}`)
      reject(new Error(`${label} stalled for ${ms} ms`))
    }, ms)
  })
  return Promise.race([work, stall]).finally(() => clearTimeout(timer))
}

const paymentStates = (orderIds: string[]) =>
  query<{ order_id: string; payment_status: string; captured: number; payments: number }>(
    db.url,
    `SELECT o.id AS order_id, o.payment_status, count(p.id)::int AS payments, count(p.captured_at)::int AS captured
       FROM "order" o LEFT JOIN payment p ON p.order_id = o.id WHERE o.id = ANY($1) GROUP BY o.id`,
    [orderIds]
  )

/** Ships every line of an order, as Admin's "Create fulfillment" does: a physical card order is captured now. */
async function fulfil(orderId: string) {
  const { order } = (await admin("GET", `/admin/orders/${orderId}`)).json
  const items = order.items.map((item: any) => ({ item_id: item.id, quantity: item.quantity }))
  const res = await admin("POST", `/admin/orders/${orderId}/fulfillment`, { items })
  if (res.status !== 200) throw new Error(`fulfilment of ${orderId}: ${res.status} ${res.json?.message}`)
}

it(`${CHECKOUTS} card checkouts against ${CHECKOUTS} manual ones`, async () => {
  const piece = await createStockedProduct(2 * CHECKOUTS)
  const twinPiece = await createStockedProduct(2 * CHECKOUTS, { title: "Bench twin piece", metadata: { digital_twin: true } })
  say(`checking out ${CHECKOUTS} manual then ${CHECKOUTS} card carts, ${CONCURRENCY} at a time; every ${TWIN_EVERY}th also buys a piece with a twin`)

  const manual = await timed("manual checkouts", (i) => checkout("manual", piece.variantId, twinPiece.variantId, i))
  // The manual orders' placement work (auto-capture, twins, emails) would otherwise run during the card run.
  await waitFor(async () => (await paymentStates(manual.results.flatMap((r) => r.order ?? []))).every((o) => o.payment_status === "captured"), 300_000, "manual orders captured", 500)
  const card = await timed("card checkouts", (i) => checkout("stripe", piece.variantId, twinPiece.variantId, i))
  say(`ratio card / manual throughput: ${(card.perSecond / manual.perSecond).toFixed(2)}x (goal >= 0.9x)`)

  const cardOrders = card.results.filter((r) => r.order)
  const digital = cardOrders.filter((r) => r.withTwin)
  const physical = cardOrders.filter((r) => !r.withTwin)
  // Digital goods are captured at placement, by the order.placed subscriber after the answer.
  await waitFor(async () => (await paymentStates(digital.map((r) => r.order!))).every((o) => o.payment_status === "captured"), 300_000, "digital card orders captured", 500)
  const physicalBeforeShipping = await paymentStates(physical.map((r) => r.order!))
  const physicalIntentsBefore = physical.map((r) => standIn.state.intent(r.intentId!).status)
  await stallGuard("fulfilments", STALL_MS + physical.length * 3_000, pool(physical.length, 5, (i) => fulfil(physical[i].order!)))
  // The fulfilment subscriber captures after Admin's answer; a capture that never comes fails the checks below.
  await waitFor(async () => (await paymentStates(physical.map((r) => r.order!))).every((o) => o.payment_status === "captured"), 300_000, "physical card orders captured", 500).catch((e) => say(e.message))
  await standIn.settled()

  const all = [...manual.results, ...card.results]
  const orderIds = all.flatMap((r) => r.order ?? [])
  const ordersPerCart = await query<{ cart_id: string; n: number }>(db.url, `SELECT cart_id, count(*)::int AS n FROM "order" WHERE cart_id = ANY($1) GROUP BY cart_id`, [all.map((r) => r.cartId)])
  const payments = await paymentStates(orderIds)
  // A twin or its claim code exists only for a captured order, and was made after the capture.
  const early = await query<{ n: number }>(
    db.url,
    `SELECT count(*)::int AS n FROM digital_twin t
       LEFT JOIN payment p ON p.order_id = t.order_id AND p.captured_at IS NOT NULL
       LEFT JOIN digital_twin_claim_code k ON k.twin_id = t.id
      WHERE t.order_id = ANY($1) AND (p.id IS NULL OR t.created_at < p.captured_at OR k.created_at < p.captured_at)`,
    [orderIds]
  )
  const twins = await query<{ order_id: string; coded: number }>(
    db.url,
    `SELECT t.order_id, count(k.id)::int AS coded FROM digital_twin t LEFT JOIN digital_twin_claim_code k ON k.twin_id = t.id AND k.revoked_at IS NULL
      WHERE t.order_id = ANY($1) GROUP BY t.order_id`,
    [orderIds]
  )
  const twinOrders = all.filter((r) => r.order && r.withTwin).map((r) => r.order!)
  const checks = {
    "every manual checkout became an order": manual.orders === CHECKOUTS,
    "every card checkout became an order": card.orders === CHECKOUTS,
    "one order per cart": ordersPerCart.length === orderIds.length && ordersPerCart.every((c) => c.n === 1),
    "each order has one payment, captured": payments.length === orderIds.length && payments.every((p) => p.payments === 1 && p.captured === 1 && p.payment_status === "captured"),
    "each card order's PaymentIntent captured exactly once in Stripe": cardOrders.every((r) => captureCalls.get(r.intentId!) === 1),
    "no capture call for an intent without an order": [...captureCalls.keys()].every((id) => cardOrders.some((r) => r.intentId === id)),
    "no completed digital order's PaymentIntent left authorized": digital.every((r) => standIn.state.intent(r.intentId!).status === "succeeded"),
    "physical card orders waited for fulfilment to be captured": physicalBeforeShipping.every((o) => o.payment_status === "awaiting" && o.captured === 0) && physicalIntentsBefore.every((s) => s === "requires_capture"),
    "every order with a twin piece got its twin and one live claim code": twinOrders.length > 0 && twinOrders.every((id) => twins.some((t) => t.order_id === id && t.coded === 1)),
    "no twin or claim code before its order's capture": early[0].n === 0,
  }
  const captureCounts = new Map<string, number>()
  for (const r of cardOrders) captureCounts.set(String(captureCalls.get(r.intentId!) ?? 0), (captureCounts.get(String(captureCalls.get(r.intentId!) ?? 0)) ?? 0) + 1)
  say(`capture calls per card order: ${[...captureCounts].map(([calls, n]) => `${n} × ${calls}`).join(", ")}`)
  say(Object.entries(checks).map(([name, ok]) => `${ok ? "ok  " : "FAIL"} ${name}`).join("\n"))
  expect(Object.entries(checks).filter(([, ok]) => !ok)).toEqual([])
}, 3_600_000)

import Stripe from "stripe"
import { createTestDatabase, freePort, query, TestDatabase } from "@pva/test-support/database"
import { emailsTo, nthEmailTo } from "@pva/test-support/email"
import { migrateAndSeed, RELAXED_RATE_LIMITS, startServer, TestServer } from "@pva/test-support/server"
import { adminToken, createStockedProduct, readyCart, storeClient, unique } from "@pva/test-support/store"
import {
  confirmInBrowser,
  STAND_IN_SECRET_KEY,
  startStripeStandIn,
  StripeStandIn,
  TEST_PAYMENT_METHODS,
} from "@pva/test-support/stripe-stand-in"
import { waitFor } from "@pva/test-support/wait"

/**
 * Card checkout through medusa-payment-stripe against the Stripe stand-in, on a seeded server
 * whose STRIPE_API_URL points at it; Stripe's webhooks reach the server's /stripe/hooks.
 */
let standIn: StripeStandIn
let db: TestDatabase
let server: TestServer
let token: string
const variants: Record<"com" | "org", string> = { com: "", org: "" }

beforeAll(async () => {
  standIn = await startStripeStandIn()
  db = await createTestDatabase("payments")
  // The seed needs only the key (regions offer Stripe); the template of an identical seed is reused.
  const seed = migrateAndSeed(db.url, { STRIPE_API_KEY: STAND_IN_SECRET_KEY })
  const port = await freePort()
  server = await startServer(
    db.url,
    { ...RELAXED_RATE_LIMITS, LOG_LEVEL: process.env.SERVER_LOG_LEVEL ?? "error", STRIPE_API_KEY: STAND_IN_SECRET_KEY, STRIPE_WEBHOOK_SECRET: standIn.webhookSecret, STRIPE_API_URL: standIn.url },
    port
  )
  standIn.webhookUrl = `${server.url}/stripe/hooks`
  Object.assign(process.env, { PVA_TEST_SERVER_URL: server.url, PVA_TEST_SEED: JSON.stringify(seed), PVA_TEST_DATABASE_URL: db.url })
  token = await adminToken(server.url)
  for (const channel of ["com", "org"] as const) variants[channel] = (await createStockedProduct(100, { channel })).variantId
}, 300_000)

afterAll(async () => {
  await standIn?.settled()
  await server?.stop()
  await standIn?.close()
  await db?.drop()
  if (process.env.KEEP_LOG === "1") console.log(`server log: ${server?.logFile}`)
  else server?.removeLog()
})

async function admin(method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as any }
}

/** A cart one payment away from an order, paying by card: its id, email and Stripe intent. */
async function cardCart(channel: "com" | "org" = "com") {
  const client = storeClient(channel)
  const email = `card-${unique()}@example.com`
  const cartId = await readyCart(client, { variantId: variants[channel], email, provider: "stripe" })
  const { cart } = await client.carts.retrieve(cartId)
  const session = (cart as any).payment_session
  expect(session.provider_id).toBe("stripe")
  return { client, cartId, email, intentId: session.data.id as string, clientSecret: session.data.client_secret as string }
}

const orderOfCart = async (cartId: string) =>
  (await query<any>(db.url, `SELECT id, payment_status, metadata FROM "order" WHERE cart_id = $1`, [cartId]))[0]

describe("card checkout through Stripe", () => {
  it.each(["com", "org"] as const)("on %s: the authorized card places the order and Admin's capture captures it in Stripe", async (channel) => {
    const { client, cartId, intentId, clientSecret } = await cardCart(channel)
    const confirmed = await confirmInBrowser(standIn, clientSecret, TEST_PAYMENT_METHODS.succeeds)
    expect(confirmed.body.status).toBe("requires_capture")

    const completed: any = await client.carts.complete(cartId)
    expect(completed.type).toBe("order")
    expect(completed.data.payment_status).toBe("awaiting")
    expect(standIn.state.intent(intentId).status).toBe("requires_capture")

    const captured = await admin("POST", `/admin/orders/${completed.data.id}/capture`)
    expect(captured.status).toBe(200)
    expect(captured.json.order.payment_status).toBe("captured")
    expect(standIn.state.intent(intentId)).toMatchObject({ status: "succeeded", amount_received: completed.data.total })
  })

  it("3-D Secure: the order waits for the challenge, then completes", async () => {
    const { client, cartId, intentId, clientSecret } = await cardCart()
    const confirmed = await confirmInBrowser(standIn, clientSecret, TEST_PAYMENT_METHODS.threeDSecure, "http://127.0.0.1:8000/checkout")
    expect(confirmed.body.status).toBe("requires_action")
    expect(confirmed.body.next_action.redirect_to_url.url).toBe(`${standIn.url}/3ds/${intentId}`)

    const early: any = await client.carts.complete(cartId)
    expect(early.type).toBe("cart")
    expect(early.payment_error).toMatchObject({ code: "authentication_required" })

    // The issuer's page sends the browser back to the shop with Stripe's three parameters.
    const back = await fetch(confirmed.body.next_action.redirect_to_url.url, { redirect: "manual" })
    expect(back.status).toBe(302)
    const returned = new URL(back.headers.get("location")!)
    expect(Object.fromEntries(returned.searchParams)).toEqual({ payment_intent: intentId, payment_intent_client_secret: clientSecret, redirect_status: "succeeded" })

    const completed: any = await waitFor(async () => (await orderOfCart(cartId)) ?? null).then(() => client.carts.complete(cartId))
    expect(completed.type).toBe("order")
  })

  it("a declined card says so, places no order and emails the customer", async () => {
    const { client, cartId, email, clientSecret } = await cardCart()
    const declined = await confirmInBrowser(standIn, clientSecret, TEST_PAYMENT_METHODS.declined)
    expect(declined.status).toBe(402)
    expect(declined.body.error).toMatchObject({ type: "card_error", code: "card_declined", decline_code: "generic_decline", message: "Your card was declined." })

    const attempt: any = await client.carts.complete(cartId)
    expect(attempt.type).toBe("cart")
    expect(attempt.payment_error).toMatchObject({ code: "card_declined", message: "Your card was declined." })
    expect(await orderOfCart(cartId)).toBeUndefined()

    const mail = await nthEmailTo(email, "payments.payment_failed", 1, db.url)
    expect(mail.subject).toMatch(/did not go through/)
    expect(mail.text).toContain("Your card was declined.")
  })

  it("the webhook places the order of a cart whose shopper never came back from paying", async () => {
    const { cartId, intentId, clientSecret } = await cardCart()
    await confirmInBrowser(standIn, clientSecret, TEST_PAYMENT_METHODS.succeeds)
    const order = await waitFor(() => orderOfCart(cartId), 30_000, "the order of the abandoned cart")
    expect(order.payment_status).toBe("awaiting")
    expect(standIn.lastEvent("payment_intent.amount_capturable_updated", intentId)).toBeTruthy()
  })
})

describe("Stripe webhooks are applied once, whatever order they come in", () => {
  /** Confirms without delivering, so the test chooses when and how often events arrive. */
  async function confirmedQuietly(paymentMethod: string = TEST_PAYMENT_METHODS.succeeds) {
    const target = standIn.webhookUrl
    standIn.webhookUrl = undefined
    try {
      const cart = await cardCart()
      await confirmInBrowser(standIn, cart.clientSecret, paymentMethod)
      return cart
    } finally {
      standIn.webhookUrl = target
    }
  }

  it("five copies of one event at once make one order and one ledger entry", async () => {
    const { cartId, intentId } = await confirmedQuietly()
    const event = standIn.lastEvent("payment_intent.amount_capturable_updated", intentId)
    const statuses = await standIn.deliver(event, { times: 5 })
    expect(statuses).toEqual([200, 200, 200, 200, 200])
    expect(await query(db.url, `SELECT id FROM "order" WHERE cart_id = $1`, [cartId])).toHaveLength(1)
    expect(await query(db.url, `SELECT id FROM stripe_webhook_event WHERE id = $1 AND applied_at IS NOT NULL`, [event.id])).toHaveLength(1)
  })

  it("an event claimed by a process that died before applying it is applied by Stripe's retry", async () => {
    const { cartId, intentId } = await confirmedQuietly()
    const event = standIn.lastEvent("payment_intent.amount_capturable_updated", intentId)
    // What a crash between claiming the event and applying it leaves in the ledger.
    await query(
      db.url,
      `INSERT INTO stripe_webhook_event (id, type, object_id, stripe_created_at, claimed_at, applied_at)
       VALUES ($1, $2, $3, now(), now() - interval '1 hour', NULL)`,
      [event.id, event.type, intentId]
    )
    expect(await standIn.deliver(event)).toEqual([200])
    expect(await query(db.url, `SELECT id FROM "order" WHERE cart_id = $1`, [cartId])).toHaveLength(1)
    const [entry] = await query<any>(db.url, `SELECT applied_at FROM stripe_webhook_event WHERE id = $1`, [event.id])
    expect(entry.applied_at).not.toBeNull()
    expect(await standIn.deliver(event)).toEqual([200])
    expect(await query(db.url, `SELECT id FROM "order" WHERE cart_id = $1`, [cartId])).toHaveLength(1)
  })

  it("a refund event before the order exists is retried until it applies; a late failure event sends no email", async () => {
    const { cartId, email, intentId } = await confirmedQuietly()
    const capturable = standIn.lastEvent("payment_intent.amount_capturable_updated", intentId)
    // Captured and refunded in Stripe's dashboard before the store heard of the payment.
    standIn.webhookUrl = undefined
    standIn.state.captureIntent(intentId)
    standIn.state.createRefund({ payment_intent: intentId, amount: "2500" })
    standIn.webhookUrl = `${server.url}/stripe/hooks`
    const refunded = standIn.lastEvent("charge.refunded", intentId)
    const succeeded = standIn.lastEvent("payment_intent.succeeded", intentId)

    expect(await standIn.deliver(refunded)).toEqual([500]) // no order yet: Stripe will retry
    expect(await query(db.url, `SELECT id FROM stripe_webhook_event WHERE id = $1`, [refunded.id])).toHaveLength(0)
    expect(await standIn.deliver(succeeded)).toEqual([200])
    expect(await standIn.deliver(capturable)).toEqual([200])
    expect(await standIn.deliver(refunded)).toEqual([200])

    const order = await orderOfCart(cartId)
    expect(order.payment_status).toBe("partially_refunded")
    const refunds = await query<any>(db.url, `SELECT amount, note FROM refund WHERE order_id = $1`, [order.id])
    expect(refunds).toEqual([{ amount: 2500, note: expect.stringMatching(/^Refunded in Stripe \(re_/) }])

    // A failure event from an earlier attempt, delivered after the payment went through.
    const staleFailure = {
      ...capturable,
      id: `evt_late${unique()}`,
      type: "payment_intent.payment_failed",
      data: { object: { ...capturable.data.object, status: "requires_payment_method", last_payment_error: { message: "Your card was declined." } } },
    }
    expect(await standIn.deliver(staleFailure)).toEqual([200])
    expect(await emailsTo(email, "payments.payment_failed", db.url)).toHaveLength(0)
  })
})

describe("refunds and disputes made in Stripe reach the order", () => {
  async function capturedOrder() {
    const { client, cartId, intentId, clientSecret } = await cardCart()
    await confirmInBrowser(standIn, clientSecret, TEST_PAYMENT_METHODS.succeeds)
    const completed: any = await client.carts.complete(cartId).catch(async () => ({ data: await waitFor(() => orderOfCart(cartId)) }))
    const orderId = completed.data.id
    expect((await admin("POST", `/admin/orders/${orderId}/capture`)).status).toBe(200)
    await standIn.settled()
    return { orderId, intentId }
  }

  it("a dashboard refund shows on the order once; the store's own refund is not counted twice", async () => {
    const { orderId, intentId } = await capturedOrder()
    standIn.state.createRefund({ payment_intent: intentId, amount: "3000" })
    await waitFor(async () => (await admin("GET", `/admin/orders/${orderId}`)).json.order.refunds.length === 1, 20_000, "the dashboard refund")

    const storeRefund = await admin("POST", `/admin/orders/${orderId}/refund`, { amount: 1000, reason: "discount" })
    expect(storeRefund.status).toBe(200)
    await standIn.settled()
    const { order } = (await admin("GET", `/admin/orders/${orderId}`)).json
    expect(order.refunds.map((r: any) => r.amount).sort()).toEqual([1000, 3000])
    expect(order.refunded_total).toBe(4000)
    expect(standIn.state.refundsOf(intentId).map((r) => r.amount).sort()).toEqual([1000, 3000])
  })

  it("a dispute flags the order in Admin and emails the merchant", async () => {
    const { orderId, intentId } = await capturedOrder()
    const dispute = standIn.state.openDispute(intentId)
    const flagged = await waitFor(async () => (await admin("GET", `/admin/orders/${orderId}`)).json.order.metadata?.stripe_dispute, 20_000, "the dispute flag")
    expect(flagged).toMatchObject({ id: dispute.id, reason: "fraudulent", status: "needs_response", amount: dispute.amount })
    const mails = await waitFor(async () => (await emailsTo("admin@pvabazaar.local", "payments.dispute_opened", db.url)).filter((m) => m.text.includes(dispute.id)))
    expect(mails).toHaveLength(1)
    expect(mails[0].subject).toMatch(/^Payment disputed: order PVA-/)
  })
})

describe("a webhook that is not Stripe's changes nothing", () => {
  it("a tampered body, a wrong secret and a stale timestamp get 400", async () => {
    const { intentId, cartId } = await (async () => {
      const target = standIn.webhookUrl
      standIn.webhookUrl = undefined
      const cart = await cardCart()
      await confirmInBrowser(standIn, cart.clientSecret, TEST_PAYMENT_METHODS.succeeds)
      standIn.webhookUrl = target
      return cart
    })()
    const event = standIn.lastEvent("payment_intent.amount_capturable_updated", intentId)
    const tampered = JSON.stringify({ ...event, data: { object: { ...event.data.object, amount: 1 } } })
    const signedOriginal = new Stripe(STAND_IN_SECRET_KEY, { apiVersion: "2022-11-15" }).webhooks.generateTestHeaderString({
      payload: JSON.stringify(event),
      secret: standIn.webhookSecret,
    })
    const res = await fetch(standIn.webhookUrl!, { method: "POST", headers: { "content-type": "application/json", "stripe-signature": signedOriginal }, body: tampered })
    expect(res.status).toBe(400)
    expect((await res.json()).message).toMatch(/signature/)
    expect(await standIn.deliver(event, { secret: "whsec_not_the_shops" })).toEqual([400])
    expect(await standIn.deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 301 })).toEqual([400])
    const unsigned = await fetch(standIn.webhookUrl!, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) })
    expect(unsigned.status).toBe(400)

    expect(await query(db.url, `SELECT id FROM stripe_webhook_event WHERE id = $1`, [event.id])).toHaveLength(0)
    expect(await orderOfCart(cartId)).toBeUndefined()
  })
})

describe("reconciliation lists every difference between the store and Stripe", () => {
  /** Changes made in Stripe that the store is never told about (a lost webhook, a dashboard action). */
  async function unheard<T>(change: () => Promise<T> | T): Promise<T> {
    const target = standIn.webhookUrl
    standIn.webhookUrl = undefined
    try {
      return await change()
    } finally {
      standIn.webhookUrl = target
    }
  }
  async function placed() {
    const { client, cartId, intentId, clientSecret } = await cardCart()
    await unheard(() => confirmInBrowser(standIn, clientSecret, TEST_PAYMENT_METHODS.succeeds))
    const done: any = await client.carts.complete(cartId)
    return { orderId: done.data.id as string, intentId }
  }

  it("finds each planted mismatch over paginated list calls, and not the payment that matches", async () => {
    const clean = await placed()
    expect((await admin("POST", `/admin/orders/${clean.orderId}/capture`)).status).toBe(200)
    await standIn.settled()

    const stray = await unheard(() =>
      standIn.state.createIntent({ amount: "5000", currency: "usd", capture_method: "manual", confirm: "true", payment_method: TEST_PAYMENT_METHODS.succeeds })
    )
    const capturedInStripe = await placed()
    await unheard(() => standIn.state.captureIntent(capturedInStripe.intentId))
    const refundedInStripe = await placed()
    expect((await admin("POST", `/admin/orders/${refundedInStripe.orderId}/capture`)).status).toBe(200)
    await standIn.settled()
    await unheard(() => standIn.state.createRefund({ payment_intent: refundedInStripe.intentId, amount: "700" }))
    const otherAmount = await placed()
    standIn.state.intent(otherAmount.intentId).amount += 100
    const expiring = await placed()
    standIn.state.intent(expiring.intentId).created -= Math.round(6.5 * 86400)

    const from = new Date(Date.now() - 8 * 86400_000).toISOString()
    const { status, json } = await admin("GET", `/admin/stripe/reconciliation?from=${encodeURIComponent(from)}&page_size=2`)
    expect(status).toBe(200)
    expect(json.intents).toBeGreaterThanOrEqual(6) // read in pages of two
    expect(json.mismatches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "missing_in_store", intent_id: stray.id, order_id: null }),
        expect.objectContaining({ kind: "captured_only_in_stripe", intent_id: capturedInStripe.intentId, order_id: capturedInStripe.orderId }),
        expect.objectContaining({ kind: "refund_differs", intent_id: refundedInStripe.intentId, message: "refunded 7.00 USD in Stripe, 0.00 USD on the order" }),
        expect.objectContaining({ kind: "amount_differs", intent_id: otherAmount.intentId }),
        expect.objectContaining({ kind: "authorization_expiring", intent_id: expiring.intentId, order_number: expect.stringMatching(/^PVA-/) }),
      ])
    )
    expect(json.mismatches.filter((m: any) => m.intent_id === clean.intentId)).toEqual([])
  })

  it("answers a bad range with 400 and a stranger with 401", async () => {
    expect(await admin("GET", "/admin/stripe/reconciliation?from=yesterday")).toMatchObject({ status: 400, json: { message: expect.stringMatching(/from: "yesterday" is not a date/) } })
    expect(await admin("GET", "/admin/stripe/reconciliation?from=2026-12-01&to=2026-11-01")).toMatchObject({ status: 400, json: { message: "from must not be after to" } })
    expect((await admin("GET", "/admin/stripe/reconciliation?page_size=500")).status).toBe(400)
    expect((await fetch(`${server.url}/admin/stripe/reconciliation`)).status).toBe(401)
  })
})

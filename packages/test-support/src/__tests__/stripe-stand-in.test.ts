import Stripe from "stripe"
import { STAND_IN_SECRET_KEY, startStripeStandIn, StripeStandIn, TEST_PAYMENT_METHODS } from "../stripe-stand-in"

/** The stand-in answers the official stripe-node client as Stripe's API does. */
let standIn: StripeStandIn
let stripe: Stripe

beforeAll(async () => {
  standIn = await startStripeStandIn({ autoDeliver: false })
  const url = new URL(standIn.url)
  stripe = new Stripe(STAND_IN_SECRET_KEY, { apiVersion: "2022-11-15", host: url.hostname, port: url.port, protocol: "http" })
})
afterAll(() => standIn.close())

describe("the Stripe stand-in", () => {
  it("lists newest first in pages (limit, has_more, starting_after) within created[gte]/[lte]", async () => {
    const old = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    standIn.state.intent(old.id).created -= 10 * 86400
    const made: string[] = []
    for (let i = 0; i < 5; i++) made.push((await stripe.paymentIntents.create({ amount: 1000 + i, currency: "usd" })).id)
    const since = Math.floor(Date.now() / 1000) - 86400
    const first = await stripe.paymentIntents.list({ limit: 2, created: { gte: since } })
    expect(first.has_more).toBe(true)
    expect(first.data.map((i) => i.id)).toEqual([made[4], made[3]])
    const all = await stripe.paymentIntents.list({ limit: 2, created: { gte: since } }).autoPagingToArray({ limit: 100 })
    expect(all.map((i) => i.id)).toEqual([...made].reverse())
    const before = await stripe.paymentIntents.list({ created: { lte: since } })
    expect(before.data.map((i) => i.id)).toContain(old.id)
    expect(before.data.map((i) => i.id)).not.toContain(made[0])
  })

  it("answers a repeated idempotency key with the first answer, and refuses it with other parameters", async () => {
    const a = await stripe.paymentIntents.create({ amount: 2000, currency: "usd" }, { idempotencyKey: "key-1" })
    const b = await stripe.paymentIntents.create({ amount: 2000, currency: "usd" }, { idempotencyKey: "key-1" })
    expect(b.id).toBe(a.id)
    await expect(stripe.paymentIntents.create({ amount: 2001, currency: "usd" }, { idempotencyKey: "key-1" })).rejects.toMatchObject({
      type: "StripeIdempotencyError",
      statusCode: 400,
    })
  })

  it("declines a card with Stripe's card error, and asks for 3-D Secure with a redirect", async () => {
    const declined = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", capture_method: "manual" })
    await expect(stripe.paymentIntents.confirm(declined.id, { payment_method: TEST_PAYMENT_METHODS.declined })).rejects.toMatchObject({
      type: "StripeCardError",
      statusCode: 402,
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
    })
    const secure = await stripe.paymentIntents.create({ amount: 3000, currency: "usd", capture_method: "manual" })
    const pending = await stripe.paymentIntents.confirm(secure.id, { payment_method: TEST_PAYMENT_METHODS.threeDSecure, return_url: "http://shop.test/checkout" })
    expect(pending.status).toBe("requires_action")
    const back = new URL(standIn.completeChallenge(secure.id))
    expect(back.searchParams.get("redirect_status")).toBe("succeeded")
    expect((await stripe.paymentIntents.retrieve(secure.id)).status).toBe("requires_capture")
  })

  it("captures, refunds up to what was captured, and says why an intent cannot be captured twice", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 5000, currency: "eur", capture_method: "manual", metadata: { resource_id: "cart_1" } })
    expect(intent.metadata).toEqual({ resource_id: "cart_1" }) // form-encoded metadata[resource_id]
    await stripe.paymentIntents.confirm(intent.id, { payment_method: TEST_PAYMENT_METHODS.succeeds })
    expect((await stripe.paymentIntents.capture(intent.id)).amount_received).toBe(5000)
    await expect(stripe.paymentIntents.capture(intent.id)).rejects.toMatchObject({ code: "payment_intent_unexpected_state", statusCode: 400 })
    await stripe.refunds.create({ payment_intent: intent.id, amount: 4000 })
    await expect(stripe.refunds.create({ payment_intent: intent.id, amount: 1001 })).rejects.toMatchObject({ code: "amount_too_large" })
    expect((await stripe.refunds.list({ payment_intent: intent.id })).data.map((r) => r.amount)).toEqual([4000])
    expect(standIn.lastEvent("charge.refunded", intent.id).data.object.amount_refunded).toBe(4000)
  })

  it("refuses a request without a key and a publishable key outside the client secret's calls", async () => {
    expect((await fetch(`${standIn.url}/v1/payment_intents`)).status).toBe(401)
    const res = await fetch(`${standIn.url}/v1/payment_intents`, { headers: { authorization: "Bearer pk_test_x" } })
    expect(res.status).toBe(400)
    expect((await res.json()).error.message).toMatch(/publishable API key/)
  })
})

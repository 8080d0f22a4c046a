import fs from "fs"
import path from "path"
import { PartnerHarness } from "../../../test-support/partner-harness"
import { standardWebhookValid, startReceiver, waitFor } from "../../../test-support/webhook-receiver"

const h = new PartnerHarness()
let receiver: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  receiver = await startReceiver()
  await h.start("webhooks")
})
afterAll(async () => {
  await h.stop()
  await receiver?.close()
})
beforeEach(() => h.point())

/** Field names at every depth: what a partner's code reads. */
const shape = (value: any): any =>
  Array.isArray(value) ? value.slice(0, 1).map(shape) : value && typeof value === "object" ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, shape(value[k])])) : "value"
const readme = () => fs.readFileSync(path.join(__dirname, "../../../README.md"), "utf8")
const readmeExample = () => JSON.parse(readme().match(/```http\n[\s\S]*?\n\n(.*)\n```/)![1])
/** The README's example body of `type` (its ```json blocks). */
const readmePayload = (type: string) =>
  [...readme().matchAll(/```json\n(.*)\n```/g)].map((m) => JSON.parse(m[1])).find((body) => body.type === type)

const events = (path: string) => receiver.at(path).map((r) => ({ ...r, json: JSON.parse(r.body) }))

describe("order webhooks to partners", () => {
  it("send each partner of a two-partner order one signed event with only its own items", async () => {
    const a = await h.partner({ webhook_url: receiver.url("/a") })
    const b = await h.partner({ webhook_url: receiver.url("/b") })
    const pa = await h.product(a.id)
    const pb = await h.product(b.id)

    const order = await h.order([{ variantId: pa.variantId, quantity: 2 }, { variantId: pb.variantId }])

    const [toA] = await waitFor("partner A's event", async () => events("/a").length && events("/a"))
    const [toB] = await waitFor("partner B's event", async () => events("/b").length && events("/b"))
    expect(events("/a")).toHaveLength(1)
    expect(events("/b")).toHaveLength(1)

    expect(standardWebhookValid(a.secret, toA)).toBe(true)
    expect(standardWebhookValid(b.secret, toB)).toBe(true)
    expect(standardWebhookValid(b.secret, toA)).toBe(false) // each partner signs with its own secret
    expect(standardWebhookValid(a.secret, { ...toA, body: toA.body.replace('"quantity":2', '"quantity":20') })).toBe(false)
    expect(standardWebhookValid(a.secret, toA, Number(toA.timestamp) + 301)).toBe(false)
    expect(toA.id).toMatch(/^msg_/)
    expect(toA.id).not.toBe(toB.id)

    expect(toA.json.type).toBe("order.placed")
    expect(shape(toA.json)).toEqual(shape(readmeExample())) // the README documents the real payload
    expect(toA.json.data.order).toMatchObject({ id: order.id, pva_number: order.pva_number })
    expect(toA.json.data.order.pva_number).toMatch(/^PVA-\d{8}-\d{6}$/)
    expect(toA.json.data.items).toEqual([expect.objectContaining({ sku: pa.sku, quantity: 2 })])
    expect(toB.json.data.items).toEqual([expect.objectContaining({ sku: pb.sku, quantity: 1 })])
    // The partner invoices with the order's tax: California's sales tax, added to the price.
    expect(toA.json.data.items[0]).toMatchObject({ includes_tax: false, tax_lines: [{ name: "Sales tax (CA)", code: "US-CA", rate: 7.25 }] })
    expect(toA.json.data.shipping_address).toMatchObject({ address_1: "1 Market Street", postal_code: "94105", country_code: "us" })
    expect(toA.body).not.toContain(pb.sku)
    expect(toB.body).not.toContain(pa.sku)

    // Canceling tells both partners, again each about its own items.
    const cancel = await h.admin("POST", `/admin/orders/${order.id}/cancel`)
    expect(cancel.status).toBe(200)
    await waitFor("cancel events", async () => events("/a").length === 2 && events("/b").length === 2)
    expect(events("/a")[1].json).toMatchObject({ type: "order.canceled", data: { items: [expect.objectContaining({ sku: pa.sku })] } })
    expect(events("/b")[1].json.data.items.map((i: any) => i.sku)).toEqual([pb.sku])
  })

  it("tell the partner order.paid only once the payment is captured, and order.refunded with the refund", async () => {
    const p = await h.partner({ webhook_url: receiver.url("/paid") })
    const prod = await h.product(p.id)
    const order = await h.order([{ variantId: prod.variantId, quantity: 2 }])
    await waitFor("placed event", async () => events("/paid").length === 1)
    // Past two staged-event polls: a capture at placement would have been handed over by now.
    await new Promise((r) => setTimeout(r, 7000))
    expect(events("/paid").map((e) => e.json.type)).toEqual(["order.placed"])
    expect((await h.admin("GET", `/admin/orders/${order.id}`)).json.order.payment_status).toBe("awaiting")

    // Two admins capture at once: one capture, one order.paid.
    const captures = await Promise.all([1, 2].map(() => h.admin("POST", `/admin/orders/${order.id}/capture`)))
    expect(captures.map((c) => c.status)).toEqual([200, 200])
    expect(captures.map((c) => c.json.order.payment_status)).toEqual(["captured", "captured"])
    await waitFor("paid event", async () => events("/paid").length === 2)
    const paid = events("/paid")[1]
    expect(standardWebhookValid(p.secret, paid)).toBe(true)
    expect(paid.json).toMatchObject({ type: "order.paid", data: { order: { id: order.id }, items: [expect.objectContaining({ sku: prod.sku, quantity: 2 })] } })
    expect(shape(paid.json)).toEqual(shape(readmePayload("order.paid")))
    // Capturing again changes nothing and tells nobody twice.
    expect((await h.admin("POST", `/admin/orders/${order.id}/capture`)).status).toBe(200)
    expect(await h.sql(`SELECT count(*)::int AS n FROM payment WHERE order_id = $1 AND captured_at IS NOT NULL`, [order.id])).toEqual([{ n: 1 }])

    const { refundable_amount } = (await h.admin("GET", `/admin/orders/${order.id}`)).json.order
    expect((await h.admin("POST", `/admin/orders/${order.id}/refund`, { amount: 500, reason: "discount" })).status).toBe(200)
    expect((await h.admin("POST", `/admin/orders/${order.id}/refund`, { amount: refundable_amount - 500, reason: "other" })).status).toBe(200)
    await waitFor("refund events", async () => events("/paid").length === 4)
    await new Promise((r) => setTimeout(r, 1000))
    const refunds = events("/paid").slice(2).sort((a, b) => a.json.timestamp.localeCompare(b.json.timestamp))
    expect(refunds.map((e) => e.json.type)).toEqual(["order.refunded", "order.refunded"])
    expect(refunds.map((e) => e.json.data.refund)).toEqual([
      { amount: 500, reason: "discount", full: false },
      { amount: refundable_amount - 500, reason: "other", full: true },
    ])
    expect(shape(refunds[1].json)).toEqual(shape(readmePayload("order.refunded")))
    expect(events("/paid").filter((e) => e.json.type === "order.paid")).toHaveLength(1)

    // Medusa refuses to cancel an order with refunds; a refunded order is canceled all the same.
    const cancel = await h.admin("POST", `/admin/orders/${order.id}/cancel`)
    expect(cancel.status).toBe(200)
    expect(cancel.json.order).toMatchObject({ status: "canceled", payment_status: "refunded" })
    await waitFor("cancel event", async () => events("/paid").some((e) => e.json.type === "order.canceled"))
  })

  it("tell the partner about a shipment of its items, with tracking", async () => {
    const p = await h.partner({ webhook_url: receiver.url("/ship") })
    const prod = await h.product(p.id)
    const order = await h.order([{ variantId: prod.variantId, quantity: 1 }])
    await waitFor("placed event", async () => events("/ship").length === 1)
    const itemId = order.items[0].id
    const ful = await h.admin("POST", `/admin/orders/${order.id}/fulfillment`, { items: [{ item_id: itemId, quantity: 1 }] })
    expect(ful.status).toBe(200)
    const fulfillmentId = ful.json.order.fulfillments[0].id
    const ship = await h.admin("POST", `/admin/orders/${order.id}/shipment`, { fulfillment_id: fulfillmentId, tracking_numbers: ["TRACK-123"] })
    expect(ship.status).toBe(200)
    await waitFor("shipment event", async () => events("/ship").length === 2)
    const shipped = events("/ship")[1]
    expect(standardWebhookValid(p.secret, shipped)).toBe(true)
    expect(shipped.json).toMatchObject({
      type: "order.shipment_created",
      data: { fulfillment_id: fulfillmentId, tracking: [expect.objectContaining({ tracking_number: "TRACK-123" })], items: [expect.objectContaining({ sku: prod.sku, quantity: 1 })] },
    })
  })

  it("retry after 500, 500 and deliver on the third attempt with the same webhook-id", async () => {
    receiver.script("/flaky", [{ status: 500 }, { status: 500 }, { status: 200 }])
    const p = await h.partner({ webhook_url: receiver.url("/flaky") })
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])

    const [delivery] = await waitFor("delivery", async () => {
      const list = await h.deliveries(p.id)
      return list[0]?.status === "delivered" && list
    })
    const calls = receiver.at("/flaky")
    expect(calls.map((c) => c.answered)).toEqual([500, 500, 200])
    expect(new Set(calls.map((c) => c.id))).toEqual(new Set([delivery.id]))
    for (const call of calls) expect(standardWebhookValid(p.secret, call)).toBe(true)
    expect(delivery.attempts).toBe(3)
    expect(delivery.attempt_log.map((a: any) => [a.attempt, a.response_status])).toEqual([
      [1, 500],
      [2, 500],
      [3, 200],
    ])
    // The retries waited for the schedule (1 s, ±10% jitter) rather than hammering.
    const times = delivery.attempt_log.map((a: any) => Date.parse(a.created_at))
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(850)
  })

  it("honour Retry-After when the receiver asks for a longer wait", async () => {
    receiver.script("/busy", [{ status: 503, headers: { "retry-after": "3" } }, { status: 200 }])
    const p = await h.partner({ webhook_url: receiver.url("/busy") })
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])
    const [delivery] = await waitFor("delivery", async () => {
      const list = await h.deliveries(p.id)
      return list[0]?.status === "delivered" && list
    })
    const times = delivery.attempt_log.map((a: any) => Date.parse(a.created_at))
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(2900)
  })

  it("disable the endpoint when it answers 410 Gone", async () => {
    receiver.script("/gone", [], { status: 410 })
    const p = await h.partner({ webhook_url: receiver.url("/gone") })
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])

    await waitFor("dead letter", async () => (await h.deliveries(p.id))[0]?.status === "dead")
    const partner = (await h.admin("GET", `/admin/partners/${p.id}`)).json.partner
    expect(partner.webhook_enabled).toBe(false)
    expect(partner.webhook_disabled_reason).toMatch(/410/)
    expect(receiver.at("/gone")).toHaveLength(1)

    // Later events wait in the outbox instead of being sent to a dead endpoint.
    await h.order([{ variantId: prod.variantId }])
    await new Promise((r) => setTimeout(r, 1500))
    expect(receiver.at("/gone")).toHaveLength(1)
    const pending = (await h.deliveries(p.id)).filter((d) => d.status === "pending")
    expect(pending).toHaveLength(1)

    // Re-enabling the endpoint delivers what waited.
    receiver.script("/gone", [], { status: 200 })
    expect((await h.admin("POST", `/admin/partners/${p.id}`, { webhook_enabled: true })).status).toBe(200)
    await waitFor("waiting delivery", async () => receiver.at("/gone").length === 2)
    expect(receiver.at("/gone")[1].id).toBe(pending[0].id)
  })

  it("dead-letter after the last attempt, and deliver the same event when an admin replays it", async () => {
    receiver.script("/down", [], { status: 500 })
    const p = await h.partner({ webhook_url: receiver.url("/down") })
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])

    const [dead] = await waitFor("dead letter", async () => {
      const list = await h.deliveries(p.id)
      return list[0]?.status === "dead" && list
    })
    expect(dead.attempts).toBe(3) // the test schedule "0,1,1" allows three attempts
    expect(receiver.at("/down")).toHaveLength(3)

    expect((await h.admin("POST", `/admin/partners/${p.id}/webhook-deliveries/${dead.id}/replay`)).status).toBe(202)
    receiver.script("/down", [], { status: 200 })
    await waitFor("replayed delivery", async () => (await h.deliveries(p.id))[0]?.status === "delivered")
    const calls = receiver.at("/down")
    expect(calls).toHaveLength(4)
    expect(calls[3].id).toBe(dead.id)
    expect(calls[3].body).toBe(calls[0].body)
    expect(standardWebhookValid(p.secret, calls[3])).toBe(true)

    const again = await h.admin("POST", `/admin/partners/${p.id}/webhook-deliveries/msg_missing/replay`)
    expect(again.status).toBe(404)
  })

  it("treat a redirect as a failure and never follow it to a private address", async () => {
    receiver.script("/moved", [], { status: 302, headers: { location: "http://10.0.0.1/steal" } })
    const p = await h.partner({ webhook_url: receiver.url("/moved") })
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])
    const [dead] = await waitFor("dead letter", async () => {
      const list = await h.deliveries(p.id)
      return list[0]?.status === "dead" && list
    })
    expect(dead.attempt_log.map((a: any) => a.response_status)).toEqual([302, 302, 302])
    expect(dead.attempt_log[0].error).toMatch(/redirect \(302\) to http:\/\/10\.0\.0\.1\/steal not followed/)
  })

  it("sign with both secrets while a rotation overlaps", async () => {
    const p = await h.partner({ webhook_url: receiver.url("/rotated") })
    const rotated = await h.admin("POST", `/admin/partners/${p.id}/rotate-secret`)
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])
    const [msg] = await waitFor("event", async () => receiver.at("/rotated").length && receiver.at("/rotated"))
    expect(msg.signature.split(" ")).toHaveLength(2)
    expect(standardWebhookValid(p.secret, msg)).toBe(true)
    expect(standardWebhookValid(rotated.json.secret, msg)).toBe(true)
  })

  it("reach only approved, active partners: pending, rejected and deactivated ones get no customer data", async () => {
    const approved = await h.partner({ webhook_url: receiver.url("/approved") })
    const pending = await h.partner({ webhook_url: receiver.url("/pending"), status: "pending" })
    const rejected = await h.partner({ webhook_url: receiver.url("/rejected"), status: "rejected" })
    const inactive = await h.partner({ webhook_url: receiver.url("/inactive"), is_active: false })
    const lines = []
    for (const p of [approved, pending, rejected, inactive]) lines.push({ variantId: (await h.product(p.id)).variantId })

    await h.order(lines)
    await waitFor("the approved partner's event", async () => receiver.at("/approved").length === 1)
    await new Promise((r) => setTimeout(r, 1000)) // ten poll intervals for anything wrongly queued
    for (const path of ["/pending", "/rejected", "/inactive"]) expect(receiver.at(path)).toHaveLength(0)
    for (const p of [pending, rejected, inactive]) expect(await h.deliveries(p.id)).toHaveLength(0)
  })

  it("hold back an event queued while a partner was approved once the partner is deactivated, and refuse to replay it", async () => {
    receiver.script("/deactivated", [{ status: 500 }], { status: 200 })
    const p = await h.partner({ webhook_url: receiver.url("/deactivated") })
    const prod = await h.product(p.id)
    await h.order([{ variantId: prod.variantId }])
    await waitFor("the first, failed attempt", async () => receiver.at("/deactivated").length === 1)
    expect((await h.admin("POST", `/admin/partners/${p.id}`, { is_active: false })).status).toBe(200)

    const [dead] = await waitFor("the retry to be dropped", async () => {
      const list = await h.deliveries(p.id)
      return list[0]?.status === "dead" && list
    })
    expect(dead.last_error).toMatch(/not approved and active/)
    expect(receiver.at("/deactivated")).toHaveLength(1)
    const replay = await h.admin("POST", `/admin/partners/${p.id}/webhook-deliveries/${dead.id}/replay`)
    expect(replay.status).toBe(400)
    expect(replay.json.message).toMatch(/approved, active partners/)
  })
})

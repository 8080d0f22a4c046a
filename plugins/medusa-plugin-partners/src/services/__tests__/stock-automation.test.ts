import { PartnerHarness } from "../../../test-support/partner-harness"
import { startReceiver, waitFor } from "../../../test-support/webhook-receiver"

const h = new PartnerHarness()
let feeds: Awaited<ReturnType<typeof startReceiver>>

beforeAll(async () => {
  feeds = await startReceiver()
  await h.start("stock", {
    ADMIN_ALERT_EMAIL: "ops@pvabazaar.test",
    STOREFRONT_REVALIDATE_URLS: feeds.url("/revalidate"),
    REVALIDATE_SECRET: "r".repeat(40),
    // One test holds a feed's answer while it places an order, which takes seconds on a busy machine.
    WEBHOOK_TIMEOUT_MS: "30000",
  })
})
afterAll(async () => {
  await h.stop()
  await feeds?.close()
})
beforeEach(() => h.point())

async function outbox(query: string) {
  const res = await h.admin("GET", `/admin/email-outbox?${query}`)
  expect(res.status).toBe(200)
  return res.json.emails as Array<{ to: string; subject: string; html: string; text: string; event_name: string }>
}

const settle = () => new Promise((r) => setTimeout(r, 4000)) // longer than Medusa's 3 s event enqueuer

describe("order confirmation email", () => {
  it("lands in the outbox with the PVA number and the items", async () => {
    const p = await h.partner({})
    const prod = await h.product(p.id)
    const order = await h.order([{ variantId: prod.variantId, quantity: 2 }])
    const [email] = await waitFor("confirmation", async () => {
      const list = await outbox(`event_name=order.placed&resource_id=${order.id}`)
      return list.length && list
    })
    expect(email.subject).toBe(`Your PVA Bazaar order ${order.pva_number}`)
    expect(email.html).toContain(order.pva_number)
    expect(email.html).toContain(`Piece ${prod.sku}`)
    expect(email.text).toContain(`Piece ${prod.sku} (${prod.sku}) x 2: $200.00`)
    expect(email.to).toMatch(/@example\.com$/)
  })
})

describe("reorder point", () => {
  it("sends one low-stock alert and one reorder request per crossing", async () => {
    const p = await h.partner({ contact_email: `orders-${Date.now()}@coop.example`, name: "Kivu <Growers>" })
    const prod = await h.product(p.id, { stock: 12 })
    const alerts = () => outbox(`event_name=pva.stock.low&to=ops%40pvabazaar.test`).then((l) => l.filter((e) => e.subject.includes(prod.sku)))
    const requests = async () => outbox(`event_name=pva.partner.reorder_requested`).then((l) => l.filter((e) => e.subject.includes(prod.sku)))

    await h.order([{ variantId: prod.variantId, quantity: 1 }]) // 11: above the point
    await h.order([{ variantId: prod.variantId, quantity: 1 }]) // 10: at the point, crosses
    await waitFor("alert", async () => (await alerts()).length === 1 && (await requests()).length === 1)
    await h.order([{ variantId: prod.variantId, quantity: 2 }]) // 8: still low, no repeat
    await settle()
    expect(await alerts()).toHaveLength(1)
    const [request] = await requests()
    expect(request.to).toMatch(/^orders-\d+@coop\.example$/)
    expect(request.html).toContain("Hello Kivu &lt;Growers&gt;")
    expect(request.text).toContain(`${prod.sku}) is down to 10 (reorder point 10)`)
    const [alert] = await alerts()
    expect(alert.subject).toBe(`Low stock: Piece ${prod.sku} (${prod.sku}) has 10 left`)

    // Restocked above the point (an admin edit), then sold down again: a new crossing.
    const restock = await h.admin("POST", `/admin/products/${prod.productId}/variants/${prod.variantId}`, { inventory_quantity: 15 })
    expect(restock.status).toBe(200)
    await waitFor("re-arm", async () => (await h.sql(`SELECT 1 FROM stock_alert WHERE variant_id = $1`, [prod.variantId])).length === 0)
    await h.order([{ variantId: prod.variantId, quantity: 6 }]) // 9
    await waitFor("second alert", async () => (await alerts()).length === 2 && (await requests()).length === 2)
  })

  it("alerts once when two simultaneous orders cross it together", async () => {
    const p = await h.partner({ contact_email: "race@coop.example" })
    const prod = await h.product(p.id, { stock: 12 })
    await Promise.all([h.order([{ variantId: prod.variantId, quantity: 2 }]), h.order([{ variantId: prod.variantId, quantity: 2 }])])
    await settle()
    const alerts = (await outbox("event_name=pva.stock.low")).filter((e) => e.subject.includes(prod.sku))
    expect(alerts).toHaveLength(1)
  })
})

describe("partner feed sync", () => {
  it("applies good rows, reports bad ones and unknown SKUs, and changes nothing the second time", async () => {
    const p = await h.partner({ contact_email: "feed@coop.example", inventory_feed_url: feeds.url("/feed.csv") })
    const low = await h.product(p.id, { stock: 40 })
    const same = await h.product(p.id, { stock: 7, reorderPoint: 5 })
    const up = await h.product(p.id, { stock: 1, reorderPoint: 0 })
    const other = await h.product((await h.partner({})).id, { stock: 30 })
    feeds.script("/feed.csv", [], {
      status: 200,
      headers: { "content-type": "text/csv" },
      body: [
        "sku,quantity",
        `${low.sku},3`,
        `${same.sku},7`,
        `${up.sku},25`,
        `NOT-A-SKU,5`,
        `${other.sku},0`, // another partner's piece: not this feed's to change
        `,4`,
        `${low.sku.slice(0, -1)}X,many`,
      ].join("\n"),
    })

    const first = await h.admin("POST", `/admin/partners/${p.id}/sync`)
    expect(first.status).toBe(200)
    const report = first.json.report
    expect(report.status).toBe("ok")
    expect(report.updated).toEqual([
      { sku: low.sku, from: 40, to: 3 },
      { sku: up.sku, from: 1, to: 25 },
    ])
    expect(report.unchanged).toBe(1)
    expect(report.unknown_skus).toEqual(["NOT-A-SKU", other.sku])
    expect(report.bad_rows.map((b: any) => b.row)).toEqual([7, 8])
    const stock = async (id: string) => (await h.sql(`SELECT inventory_quantity FROM product_variant WHERE id = $1`, [id]))[0].inventory_quantity
    expect(await stock(low.variantId)).toBe(3)
    expect(await stock(up.variantId)).toBe(25)
    expect(await stock(other.variantId)).toBe(30)

    const second = await h.admin("POST", `/admin/partners/${p.id}/sync`)
    expect(second.json.report.updated).toEqual([])
    expect(second.json.report.unchanged).toBe(3)

    // The crossing (40 → 3) raised exactly one alert and one reorder request.
    await settle()
    const alerts = (await outbox("event_name=pva.stock.low")).filter((e) => e.subject.includes(low.sku))
    const requests = (await outbox("event_name=pva.partner.reorder_requested&to=feed%40coop.example")).filter((e) => e.subject.includes(low.sku))
    expect(alerts).toHaveLength(1)
    expect(requests).toHaveLength(1)
    expect(alerts[0].html).toContain("at or below its reorder point of 10")
    expect((await outbox("to=feed%40coop.example")).filter((e) => !e.subject.includes(low.sku))).toEqual([])

    const reports = await h.admin("GET", `/admin/partners/${p.id}/sync-reports`)
    expect(reports.json.reports).toHaveLength(2)
  })

  it("changes nothing when the feed cannot be read", async () => {
    const p = await h.partner({ inventory_feed_url: feeds.url("/broken.json") })
    const prod = await h.product(p.id, { stock: 40 })
    feeds.script("/broken.json", [{ status: 200, headers: { "content-type": "application/json" }, body: `[{"sku":"${prod.sku}","quantity":2}` }, { status: 500 }])

    const truncated = await h.admin("POST", `/admin/partners/${p.id}/sync`)
    expect(truncated.json.report).toMatchObject({ status: "failed", updated: [] })
    expect(truncated.json.report.error).toMatch(/not valid JSON/)
    const down = await h.admin("POST", `/admin/partners/${p.id}/sync`)
    expect(down.json.report.error).toMatch(/HTTP 500/)
    expect((await h.sql(`SELECT inventory_quantity FROM product_variant WHERE id = $1`, [prod.variantId]))[0].inventory_quantity).toBe(40)
  })

  it("syncs every partner with a feed from the admin's sync-all", async () => {
    const p = await h.partner({ inventory_feed_url: feeds.url("/all.json") })
    const prod = await h.product(p.id, { stock: 40 })
    feeds.script("/all.json", [], { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ [prod.sku]: 33 }) })
    const res = await h.admin("POST", `/admin/partner-feeds/sync`)
    expect(res.status).toBe(200)
    expect(res.json.reports.find((r: any) => r.partner_id === p.id).updated).toEqual([{ sku: prod.sku, from: 40, to: 33 }])
    expect((await h.admin("POST", `/admin/partners/${(await h.partner({})).id}/sync`)).status).toBe(400)
  })

  it("never hands out again a unit sold while the partner's feed was on its way", async () => {
    const p = await h.partner({ inventory_feed_url: feeds.url("/racing.json") })
    const prod = await h.product(p.id, { stock: 10 })
    let release!: () => void
    const feedAnswered = new Promise<void>((resolve) => (release = resolve))
    // The partner counts 5 in its storeroom when we ask; the answer is slow to arrive.
    feeds.script("/racing.json", [], { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ [prod.sku]: 5 }), hold: feedAnswered })

    const sync = h.admin("POST", `/admin/partners/${p.id}/sync`)
    await waitFor("the feed request", async () => feeds.at("/racing.json").length === 1)
    await h.order([{ variantId: prod.variantId, quantity: 2 }]) // sold between the snapshot and the write
    release()
    const report = (await sync).json.report
    expect(report).toMatchObject({ error: null, updated: [{ sku: prod.sku, from: 8, to: 3 }] })
    const stock = async () => (await h.sql(`SELECT inventory_quantity FROM product_variant WHERE id = $1`, [prod.variantId]))[0].inventory_quantity
    expect(await stock()).toBe(3)

    // Only 3 of the partner's 5 are left to sell: a fourth cannot be bought.
    await h.order([{ variantId: prod.variantId, quantity: 3 }])
    await expect(h.order([{ variantId: prod.variantId, quantity: 1 }])).rejects.toThrow()
    expect(await stock()).toBe(0)
  })

  it("tells the storefronts that stock changed", async () => {
    const p = await h.partner({ inventory_feed_url: feeds.url("/announce.json") })
    const prod = await h.product(p.id, { stock: 10 })
    feeds.script("/announce.json", [], { status: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ [prod.sku]: 4 }) })
    await new Promise((r) => setTimeout(r, 1000)) // let the product's own creation events pass
    const before = feeds.at("/revalidate").length
    expect((await h.admin("POST", `/admin/partners/${p.id}/sync`)).json.report.updated).toHaveLength(1)
    const [call] = await waitFor("a storefront revalidation", async () => feeds.at("/revalidate").length > before && feeds.at("/revalidate").slice(before))
    expect(JSON.parse(call.body)).toEqual({ tags: [`product:${prod.productId}`] })
  })
})

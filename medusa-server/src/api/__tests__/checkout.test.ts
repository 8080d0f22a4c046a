import { query } from "@pva/test-support/database"
import { http, productByHandle, readyCart, regionByName, storeClient, US_ADDRESS } from "@pva/test-support/store"

const PVA_NUMBER = /^PVA-\d{8}-\d{6}$/

async function stockOf(variantId: string): Promise<number> {
  const [row] = await query(process.env.PVA_TEST_DATABASE_URL!, "SELECT inventory_quantity FROM product_variant WHERE id = $1", [variantId])
  return row.inventory_quantity
}

describe("a shopper buying through the store API", () => {
  it("sees only the products of the storefront whose publishable key it uses", async () => {
    const com = await storeClient("com").products.list({ limit: 100 })
    const org = await storeClient("org").products.list({ limit: 100 })
    const comHandles = com.products.map((p: any) => p.handle)
    const orgHandles = org.products.map((p: any) => p.handle)

    expect(comHandles).toContain("malachite-fish")
    expect(comHandles).not.toContain("vault-imperial-emerald")
    expect(orgHandles).toContain("vault-imperial-emerald")
    expect(orgHandles).not.toContain("malachite-fish")
    expect(comHandles).toContain("amradjet-emerald-pendant")
    expect(orgHandles).toContain("amradjet-emerald-pendant")
    expect(com.count).toBeGreaterThanOrEqual(24)
  })

  it("searches the catalog in Postgres when no search engine is configured", async () => {
    const { products } = await storeClient("com").products.list({ q: "emerald", limit: 50 } as any)
    const handles = products.map((p: any) => p.handle)
    expect(handles).toContain("amradjet-emerald-pendant")
    expect(handles).not.toContain("malachite-fish")
    expect(handles).not.toContain("vault-imperial-emerald") // another storefront's piece
  })

  it("prices the catalog in each region's currency", async () => {
    const client = storeClient("com")
    const us = await regionByName(client, "United States")
    const eu = await regionByName(client, "Europe")
    const inUsd = await productByHandle(client, "amradjet-emerald-pendant", us.id)
    const inEur = await productByHandle(client, "amradjet-emerald-pendant", eu.id)
    expect(inUsd.variants[0].calculated_price).toBe(62500)
    expect(inUsd.variants[0].sku).toBe("GEM-001")
    expect(inEur.variants[0].calculated_price).toBe(57900)
  })

  it.each([
    ["United States", "usd"],
    ["Europe", "eur"],
  ])("buys the emerald pendant in %s: the order gets a PVA number and stock drops by one", async (regionName, currency) => {
    const client = storeClient("com")
    const pendant = await productByHandle(client, "amradjet-emerald-pendant")
    const variantId = pendant.variants[0].id
    const before = await stockOf(variantId)

    const cartId = await readyCart(client, { variantId, region: regionName })
    const completion: any = await client.carts.complete(cartId)

    expect(completion.type).toBe("order")
    const order = completion.data
    expect(order.currency_code).toBe(currency)
    expect(order.pva_number).toMatch(PVA_NUMBER)
    expect(order.pva_number.slice(4, 12)).toBe(new Date().toISOString().slice(0, 10).replace(/-/g, ""))
    expect(await stockOf(variantId)).toBe(before - 1)

    const { order: fetched } = await client.client.request(
      "GET",
      `/store/orders/cart/${cartId}?email=${encodeURIComponent(order.email)}`
    )
    expect(fetched.pva_number).toBe(order.pva_number)
  })

  it("will not complete a cart of goods to ship without a shipping method, and keeps its stock", async () => {
    const client = storeClient("com")
    const pendant = await productByHandle(client, "amradjet-emerald-pendant")
    const variantId = pendant.variants[0].id
    const before = await stockOf(variantId)
    const region = await regionByName(client, "United States")
    const { cart } = await client.carts.create({ region_id: region.id })
    await client.carts.lineItems.create(cart.id, { variant_id: variantId, quantity: 1 })
    await client.carts.update(cart.id, { email: "no-shipping@example.com", shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
    await client.carts.createPaymentSessions(cart.id)
    await client.carts.setPaymentSession(cart.id, { provider_id: "manual" })

    const refused = await http("POST", `/store/carts/${cart.id}/complete`, { channel: "com" })
    expect(refused.status).toBe(400)
    expect(refused.json.message).toBe(`Choose a shipping method for ${pendant.title} before completing the order`)
    expect(await stockOf(variantId)).toBe(before)
  })

  it("gives every order its own PVA number", async () => {
    const rows = await query(process.env.PVA_TEST_DATABASE_URL!, `SELECT count(*)::int AS n, count(DISTINCT pva_number)::int AS d FROM "order"`)
    expect(rows[0].n).toBe(rows[0].d)
  })
})

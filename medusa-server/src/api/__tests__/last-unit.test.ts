import { query } from "@pva/test-support/database"
import { createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"

const db = () => process.env.PVA_TEST_DATABASE_URL!

async function completeAll(cartIds: string[]) {
  return Promise.all(
    cartIds.map(async (id) => {
      const res = await fetch(`${process.env.PVA_TEST_SERVER_URL}/store/carts/${id}/complete`, { method: "POST" })
      return { status: res.status, body: await res.json() }
    })
  )
}

describe("the last unit of a piece", () => {
  it("is sold exactly once when 20 shoppers check out at the same moment", async () => {
    const { variantId } = await createStockedProduct(1)
    const client = storeClient("com")
    const cartIds: string[] = []
    for (let i = 0; i < 20; i++) cartIds.push(await readyCart(client, { variantId }))

    const results = await completeAll(cartIds)

    const orders = results.filter((r) => r.status === 200 && r.body.type === "order")
    const refused = results.filter((r) => r.status >= 400 && r.status < 500)
    expect(orders).toHaveLength(1)
    expect(refused).toHaveLength(19)
    for (const r of refused) expect(JSON.stringify(r.body)).toMatch(/inventory/i)

    const [{ inventory_quantity }] = await query(db(), "SELECT inventory_quantity FROM product_variant WHERE id = $1", [variantId])
    expect(inventory_quantity).toBe(0)
    const [{ n }] = await query(
      db(),
      `SELECT count(DISTINCT o.id)::int AS n FROM "order" o JOIN line_item li ON li.order_id = o.id WHERE li.variant_id = $1`,
      [variantId]
    )
    expect(n).toBe(1)
  })

  it("sells ten units to ten simultaneous shoppers, each order with its own PVA number", async () => {
    const { variantId } = await createStockedProduct(10)
    const client = storeClient("com")
    const cartIds: string[] = []
    for (let i = 0; i < 10; i++) cartIds.push(await readyCart(client, { variantId }))

    const results = await completeAll(cartIds)

    expect(results.map((r) => r.status)).toEqual(Array(10).fill(200))
    const numbers = results.map((r) => r.body.data.pva_number)
    expect(new Set(numbers).size).toBe(10)
    for (const n of numbers) expect(n).toMatch(/^PVA-\d{8}-\d{6}$/)
    const [{ inventory_quantity }] = await query(db(), "SELECT inventory_quantity FROM product_variant WHERE id = $1", [variantId])
    expect(inventory_quantity).toBe(0)
  })

  it("leaves the other lines' stock untouched when one line of a checkout has run out", async () => {
    const plenty = await createStockedProduct(5)
    const scarce = await createStockedProduct(1)
    const client = storeClient("com")
    const cartId = await readyCart(client, { variantId: plenty.variantId, quantity: 2 })
    await client.carts.lineItems.create(cartId, { variant_id: scarce.variantId, quantity: 1 })
    // Medusa drops the cart's shipping method when its items change: the shopper picks it again.
    const { shipping_options } = await client.shippingOptions.listCartOptions(cartId)
    await client.carts.addShippingMethod(cartId, { option_id: shipping_options[0].id as string })
    const rival = await readyCart(client, { variantId: scarce.variantId })
    await completeAll([rival])

    const [result] = await completeAll([cartId])

    expect(result.status).toBe(409)
    const rows = await query(db(), "SELECT id, inventory_quantity FROM product_variant WHERE id = ANY($1)", [[plenty.variantId, scarce.variantId]])
    const stock = Object.fromEntries(rows.map((r: any) => [r.id, r.inventory_quantity]))
    expect(stock[plenty.variantId]).toBe(5)
    expect(stock[scarce.variantId]).toBe(0)
  })

  it("answers every shopper of two scarce pieces with an order or a 409, never a 500, whatever order their lines are in", async () => {
    const first = await createStockedProduct(6)
    const second = await createStockedProduct(10)
    const client = storeClient("com")
    const cartIds: string[] = []
    for (let i = 0; i < 10; i++) {
      // Half the carts hold the pieces in the other order, as shoppers add them.
      const [a, b] = i % 2 ? [first.variantId, second.variantId] : [second.variantId, first.variantId]
      cartIds.push(await readyCart(client, { variantId: a, moreVariantIds: [b] }))
    }

    const results = await completeAll(cartIds)

    const statuses = results.map((r) => r.status).sort()
    expect(statuses).toEqual([...Array(6).fill(200), ...Array(4).fill(409)])
    for (const r of results.filter((r) => r.status === 409)) expect(JSON.stringify(r.body)).toMatch(/inventory|try again/i)
    const rows = await query(db(), "SELECT id, inventory_quantity FROM product_variant WHERE id = ANY($1)", [[first.variantId, second.variantId]])
    const stock = Object.fromEntries(rows.map((r: any) => [r.id, r.inventory_quantity]))
    expect(stock[first.variantId]).toBe(0)
    expect(stock[second.variantId]).toBe(4)
  })
})

// A cart holds at most 10 of one product (or what the product's `max_quantity_per_line`
// says), on every route that adds or changes lines and again at checkout.
import { query } from "@pva/test-support/database"
import { createStockedProduct, http, readyCart, regionByName, storeClient } from "@pva/test-support/store"

const db = () => process.env.PVA_TEST_DATABASE_URL as string

async function regionId() {
  return (await regionByName(storeClient("com"), "United States")).id as string
}

async function newCart(items?: Array<{ variant_id: string; quantity: unknown }>) {
  return http("POST", "/store/carts", { channel: "com", body: { region_id: await regionId(), ...(items ? { items } : {}) } })
}

const addLine = (cartId: string, variant_id: string, quantity: unknown) =>
  http("POST", `/store/carts/${cartId}/line-items`, { channel: "com", body: { variant_id, quantity } })

const updateLine = (cartId: string, lineId: string, quantity: unknown) =>
  http("POST", `/store/carts/${cartId}/line-items/${lineId}`, { channel: "com", body: { quantity } })

/** 200, or the answer's message in the failure. */
function expectOk(res: { status: number; json: any }) {
  expect({ status: res.status, message: res.json?.message }).toEqual({ status: 200, message: undefined })
}

describe("the per-line quantity limit", () => {
  let piece: Awaited<ReturnType<typeof createStockedProduct>>
  let bulk: Awaited<ReturnType<typeof createStockedProduct>>

  beforeAll(async () => {
    piece = await createStockedProduct(100, { title: `Limited Piece ${Date.now()}` })
    bulk = await createStockedProduct(100, { title: `Bulk Beads ${Date.now()}`, metadata: { max_quantity_per_line: 25 } })
  })

  it("adding 10 is fine, 11 is refused with a message naming the product and the limit", async () => {
    const cartId = (await newCart()).json.cart.id
    expectOk(await addLine(cartId, piece.variantId, 10))
    const other = (await newCart()).json.cart.id
    const over = await addLine(other, piece.variantId, 11)
    expect(over.status).toBe(400)
    expect(over.json.message).toBe(`At most 10 of ${(await productTitle(piece.productId))} can be bought in one order; this cart would hold 11`)
  })

  it("adding to a line already in the cart counts what it holds", async () => {
    const cartId = (await newCart()).json.cart.id
    expectOk(await addLine(cartId, piece.variantId, 6))
    const over = await addLine(cartId, piece.variantId, 5)
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/At most 10 of .* this cart would hold 11/)
    const [{ quantity }] = await query(db(), `SELECT sum(quantity)::int AS quantity FROM line_item WHERE cart_id = $1`, [cartId])
    expect(quantity).toBe(6)
  })

  it("a cart created with items is held to the limit over all its lines", async () => {
    const spread = await newCart([
      { variant_id: piece.variantId, quantity: 6 },
      { variant_id: piece.variantId, quantity: 6 },
    ])
    expect(spread.status).toBe(400)
    expect(spread.json.message).toMatch(/At most 10 of .* this cart would hold 12/)
    const fine = await newCart([{ variant_id: piece.variantId, quantity: 4 }, { variant_id: bulk.variantId, quantity: 20 }])
    expect(fine.status).toBe(200)
    expect(fine.json.cart.items.map((i: any) => i.quantity).sort()).toEqual([20, 4])
  })

  it.each([[0], [-1], [1.5], ["2"]])("a cart created with an item of quantity %p is a 400 that names the item", async (quantity) => {
    const res = await newCart([{ variant_id: piece.variantId, quantity }])
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/items\[0\]\.quantity must be a whole number of at least 1/)
  })

  it("raising a line past the limit is refused; lowering or removing it is not", async () => {
    const cartId = (await newCart()).json.cart.id
    const line = (await addLine(cartId, piece.variantId, 8)).json.cart.items[0]
    const over = await updateLine(cartId, line.id, 11)
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/At most 10 of .* this cart would hold 11/)
    expectOk(await updateLine(cartId, line.id, 10))
    expectOk(await updateLine(cartId, line.id, 3))
    const removed = await updateLine(cartId, line.id, 0)
    expect(removed.status).toBe(200)
    expect(removed.json.cart.items).toEqual([])
  })

  it("a product's own max_quantity_per_line replaces the default", async () => {
    const cartId = (await newCart()).json.cart.id
    expectOk(await addLine(cartId, bulk.variantId, 25))
    const over = await addLine((await newCart()).json.cart.id, bulk.variantId, 26)
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/At most 25 of .* this cart would hold 26/)
  })

  it("checkout refuses a cart whose lines exceed the limit however they got there", async () => {
    const cartId = await readyCart(storeClient("com"), { variantId: piece.variantId, quantity: 10 })
    // a second line of the same piece, written past the routes
    await query(
      db(),
      `INSERT INTO line_item (id, cart_id, title, thumbnail, is_return, is_giftcard, should_merge, allow_discounts, has_shipping, unit_price, variant_id, quantity)
       SELECT id || '_copy', cart_id, title, thumbnail, is_return, is_giftcard, false, allow_discounts, has_shipping, unit_price, variant_id, 2
         FROM line_item WHERE cart_id = $1`,
      [cartId]
    )
    const done = await http("POST", `/store/carts/${cartId}/complete`, { channel: "com" })
    expect(done.status).toBe(400)
    expect(done.json.message).toMatch(/At most 10 of .* this cart would hold 12/)
    const [{ inventory_quantity }] = await query(db(), `SELECT inventory_quantity FROM product_variant WHERE id = $1`, [piece.variantId])
    expect(inventory_quantity).toBe(100)
  })
})

async function productTitle(productId: string) {
  const [{ title }] = await query(db(), `SELECT title FROM product WHERE id = $1`, [productId])
  return title as string
}

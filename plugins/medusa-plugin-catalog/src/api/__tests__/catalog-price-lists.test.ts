import { adminToken, createStockedProduct, http } from "@pva/test-support/store"
import { catalog, caughtUp, regionId, unique, within } from "../../../test-support/catalog"

/**
 * The catalog prices a piece as Medusa 1.20 does for a shopper without an account:
 * active price lists (sale or override) lower it while they run, unless they are
 * restricted to customer groups, and the piece's own price shows struck through.
 */
const BASE = 10000 // createStockedProduct's USD price
const HOUR = 3600_000
const at = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString()

let usRegion: string
let token: string
let members: { id: string }

async function admin(path: string, body: unknown) {
  const res = await http("POST", path, { body, headers: { authorization: `Bearer ${token}` } })
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`)
  return res.json
}

type ListOptions = { type?: "sale" | "override"; status?: "active" | "draft"; starts_at?: string; ends_at?: string; customer_groups?: Array<{ id: string }> }

/** A price list (Medusa's admin API) pricing one variant in USD; answers its id. */
async function priceList(variantId: string, amount: number, opts: ListOptions = {}): Promise<string> {
  const { price_list } = await admin("/admin/price-lists", {
    name: `List ${unique()}`,
    description: "catalog test",
    type: "sale",
    status: "active",
    ...opts,
    prices: [{ variant_id: variantId, currency_code: "usd", amount }],
  })
  return price_list.id
}

const PIECES = ["sale", "override", "dearOverride", "members", "upcoming", "ended", "draft", "plain"] as const
const pieces = {} as Record<(typeof PIECES)[number], { productId: string; variantId: string }>
const word = `Sale${unique()}`
const find = async (extra = "") => catalog(`q=${word}&region_id=${usRegion}&limit=100${extra}`)
const productOf = async (name: (typeof PIECES)[number]) => (await find()).products.find((p) => p.id === pieces[name].productId)

beforeAll(async () => {
  usRegion = await regionId("United States")
  token = await adminToken()
  members = (await admin("/admin/customer-groups", { name: `Members ${unique()}` })).customer_group
  for (const name of PIECES) pieces[name] = await createStockedProduct(5, { title: `${word} ${name} Opal` })
  await priceList(pieces.sale.variantId, 7000)
  await priceList(pieces.override.variantId, 8000, { type: "override" })
  await priceList(pieces.dearOverride.variantId, 12000, { type: "override" })
  await priceList(pieces.members.variantId, 6000, { customer_groups: [{ id: members.id }] })
  await priceList(pieces.upcoming.variantId, 5000, { starts_at: at(24 * HOUR) })
  await priceList(pieces.ended.variantId, 5500, { starts_at: at(-48 * HOUR), ends_at: at(-24 * HOUR) })
  await priceList(pieces.draft.variantId, 5200, { status: "draft" })
  await caughtUp()
})

describe("price lists in the catalog", () => {
  it("shows a running public sale's price, with the piece's own price as original_price", async () => {
    expect(await productOf("sale")).toMatchObject({
      price: { amount: 7000, currency_code: "usd" },
      original_price: { amount: BASE, currency_code: "usd" },
    })
    // an override lowers the price like a sale; above the piece's price it changes nothing (Medusa takes the lowest)
    expect((await productOf("override")).price.amount).toBe(8000)
    const dear = await productOf("dearOverride")
    expect(dear.price.amount).toBe(BASE)
    expect(dear).not.toHaveProperty("original_price")
  })

  it("ignores lists for a customer group, not yet started, already ended or in draft", async () => {
    for (const name of ["members", "upcoming", "ended", "draft", "plain"] as const) {
      const product = await productOf(name)
      expect({ name, price: product.price.amount }).toEqual({ name, price: BASE })
      expect(product).not.toHaveProperty("original_price")
    }
  })

  it("prices every piece exactly as Medusa's store API does for a shopper without an account", async () => {
    const answer = await find()
    for (const name of PIECES) {
      const res = await http("GET", `/store/products/${pieces[name].productId}?region_id=${usRegion}`, { channel: "com" })
      expect(res.status).toBe(200)
      const [variant] = res.json.product.variants
      const item = answer.products.find((p) => p.id === pieces[name].productId)
      const medusa = { price: variant.calculated_price, original: variant.original_price > variant.calculated_price ? variant.original_price : undefined }
      expect({ name, price: item.price.amount, original: item.original_price?.amount }).toEqual({ name, ...medusa })
    }
  })

  it("filters, sorts and counts by the sale price", async () => {
    const cheap = await find("&price_max=7500")
    expect(cheap.products.map((p) => p.id)).toEqual([pieces.sale.productId])
    const asc = await find("&sort=price_asc")
    expect(asc.products.slice(0, 2).map((p) => p.id)).toEqual([pieces.sale.productId, pieces.override.productId])
    const bucket = asc.facets.price.find((b: any) => b.min === 5000)
    expect(bucket.count).toBe(2)
  })

  it("follows a sale that ends and one that starts within a few seconds of the moment", async () => {
    const ending = await createStockedProduct(5, { title: `${word} ending Opal` })
    const starting = await createStockedProduct(5, { title: `${word} starting Opal` })
    const boundary = Date.now() + 6000
    await priceList(ending.variantId, 6500, { ends_at: new Date(boundary).toISOString() })
    await priceList(starting.variantId, 6000, { starts_at: new Date(boundary).toISOString() })
    await caughtUp()
    const prices = async () => {
      const { products } = await find()
      const of = (id: string) => products.find((p) => p.id === id)?.price.amount
      return { ending: of(ending.productId), starting: of(starting.productId) }
    }
    expect(await prices()).toEqual({ ending: 6500, starting: BASE })
    expect(Date.now()).toBeLessThan(boundary) // else the machine is too slow for this test to mean anything

    const seen = await within(boundary + 3000 - Date.now(), prices, (p) => p.ending === BASE && p.starting === 6000)
    expect(seen.value).toEqual({ ending: BASE, starting: 6000 })
    expect(seen.ok).toBe(true)
  })

  it("follows the admin activating a list, then restricting it to a customer group, within a second", async () => {
    const piece = await createStockedProduct(5, { title: `${word} managed Opal` })
    const list = await priceList(piece.variantId, 6600, { status: "draft" })
    await caughtUp()
    const price = async () => (await find()).products.find((p) => p.id === piece.productId)?.price.amount
    expect(await price()).toBe(BASE)
    await admin(`/admin/price-lists/${list}`, { status: "active" })
    expect((await within(1000, price, (amount) => amount === 6600)).ok).toBe(true)
    await admin(`/admin/price-lists/${list}`, { customer_groups: [{ id: members.id }] })
    expect((await within(1000, price, (amount) => amount === BASE)).ok).toBe(true)
  })
})

import { query } from "@pva/test-support/database"
import { createStockedProduct, http, registerCustomer, unique } from "@pva/test-support/store"
import { activeQuiz, answersFor, placeOrder, submitQuiz } from "./archetype-helpers"

const databaseUrl = () => process.env.PVA_TEST_DATABASE_URL as string
const GUARDIAN_CATEGORIES = ["Protection Stones", "Grounding Gems", "Traditional Crafts", "Security Items"]

async function categoryId(name: string): Promise<string> {
  const [row] = await query(databaseUrl(), `SELECT id FROM product_category WHERE name = $1`, [name])
  return row.id
}

async function categoriesOf(productIds: string[]): Promise<Record<string, string[]>> {
  const rows = await query(
    databaseUrl(),
    `SELECT pcp.product_id, c.name FROM product_category_product pcp JOIN product_category c ON c.id = pcp.product_category_id
      WHERE pcp.product_id = ANY($1::text[])`,
    [productIds]
  )
  const out: Record<string, string[]> = {}
  for (const r of rows) (out[r.product_id] ??= []).push(r.name)
  return out
}

async function recommend(params: string, opts: { channel?: "com" | "org"; token?: string } = {}) {
  const res = await http("GET", `/store/recommendations?${params}`, {
    channel: opts.channel ?? "com",
    headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
  })
  if (res.status !== 200) throw new Error(`recommendations: ${res.status} ${res.text}`)
  return res.json.recommendations as Array<{ product: any; reason: string; score: number }>
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe()
    if (ok(value) || Date.now() > deadline) return value
    await new Promise((r) => setTimeout(r, 250))
  }
}

describe("recommendations", () => {
  it("with no orders at all, picks in-stock pieces from the archetype's categories, best fit first", async () => {
    expect(await query(databaseUrl(), `SELECT count(*)::int AS n FROM "order"`)).toEqual([{ n: 0 }])
    const picks = await recommend("archetype=guardian&limit=8")
    expect(picks.length).toBeGreaterThanOrEqual(6)
    expect(picks.every((p) => p.reason === "archetype")).toBe(true)
    const categories = await categoriesOf(picks.map((p) => p.product.id))
    for (const pick of picks) expect(categories[pick.product.id].some((c) => GUARDIAN_CATEGORIES.includes(c))).toBe(true)
    // Protection Stones (1.0) before Grounding Gems (0.9) before Traditional Crafts (0.8)
    expect(picks.map((p) => p.score)).toEqual([...picks.map((p) => p.score)].sort((a, b) => b - a))
    expect(categories[picks[0].product.id]).toContain("Protection Stones")
    expect(picks[0].product.variants[0].prices).toEqual(expect.arrayContaining([expect.objectContaining({ currency_code: "usd" })]))

    const visionary = await recommend("archetype=visionary&limit=4")
    expect(visionary.length).toBeGreaterThan(0)
    const visionaryCategories = await categoriesOf(visionary.map((p) => p.product.id))
    expect(visionary.every((p) => visionaryCategories[p.product.id].some((c) => ["Creative Supplies", "Inspiration Pieces", "Artistic Tools", "Innovation Items"].includes(c)))).toBe(true)
  })

  it("never offers a piece that is out of stock or belongs to the other storefront", async () => {
    const protection = await categoryId("Protection Stones")
    const soldOut = await createStockedProduct(0, { title: `Sold Out Amulet ${unique()}`, categoryIds: [protection] })
    const inStock = await createStockedProduct(3, { title: `Stocked Amulet ${unique()}`, categoryIds: [protection] })
    const orgOnly = await createStockedProduct(3, { title: `Vault Amulet ${unique()}`, categoryIds: [protection], channel: "org" })

    const com = (await recommend("archetype=guardian&limit=50")).map((p) => p.product.id)
    expect(com).toContain(inStock.productId)
    expect(com).not.toContain(soldOut.productId)
    expect(com).not.toContain(orgOnly.productId)

    const org = (await recommend("archetype=guardian&limit=50", { channel: "org" })).map((p) => p.product.id)
    expect(org).toContain(orgOnly.productId)
    expect(org).not.toContain(inStock.productId)
  })

  it("never offers a customer what they already bought, and uses their saved archetype", async () => {
    const email = `buyer-${unique()}@example.com`
    const token = await registerCustomer(email)
    const quiz = await activeQuiz()
    await submitQuiz({ answers: answersFor(quiz, { 1: 5, 3: 5 }) }, { authorization: `Bearer ${token}` })

    const protection = await categoryId("Protection Stones")
    const amulet = await createStockedProduct(10, { title: `Bought Amulet ${unique()}`, categoryIds: [protection] })
    expect((await recommend("limit=50", { token })).map((p) => p.product.id)).toContain(amulet.productId)

    await placeOrder([amulet.variantId], { token, email })
    const after = await recommend("limit=50", { token })
    expect(after.map((p) => p.product.id)).not.toContain(amulet.productId)
    const categories = await categoriesOf(after.filter((p) => p.reason === "archetype").map((p) => p.product.id))
    expect(Object.keys(categories).length).toBeGreaterThan(0)
    expect(Object.values(categories).every((names) => names.some((c) => GUARDIAN_CATEGORIES.includes(c)))).toBe(true)
    // an anonymous guardian still sees it: the exclusion is the buyer's own
    expect((await recommend("archetype=guardian&limit=50")).map((p) => p.product.id)).toContain(amulet.productId)
  })

  it("surfaces co-purchased pieces on a product page once orders are placed", async () => {
    const lamp = await createStockedProduct(20, { title: `Co Lamp ${unique()}` })
    const shade = await createStockedProduct(20, { title: `Co Shade ${unique()}` })
    const rug = await createStockedProduct(20, { title: `Co Rug ${unique()}` })
    expect((await recommend(`product_id=${lamp.productId}&limit=50`)).map((p) => p.product.id)).not.toContain(shade.productId)

    await placeOrder([lamp.variantId, shade.variantId])
    await placeOrder([lamp.variantId, shade.variantId, rug.variantId])

    const picks = await eventually(
      () => recommend(`product_id=${lamp.productId}&limit=8`),
      (list) => list.some((p) => p.product.id === rug.productId)
    )
    const shadePick = picks.find((p) => p.product.id === shade.productId)
    const rugPick = picks.find((p) => p.product.id === rug.productId)
    expect(shadePick?.reason).toBe("co-purchase")
    expect(rugPick?.reason).toBe("co-purchase")
    expect(shadePick!.score).toBeGreaterThan(rugPick!.score) // bought together twice, not once
    expect(picks.map((p) => p.product.id)).not.toContain(lamp.productId)
  })

  it("a full refresh rebuilds the same signals the order events built, and counts nothing twice", async () => {
    const snapshot = () =>
      query(databaseUrl(), `SELECT product_id, related_product_id, orders FROM archetype_product_copurchase ORDER BY 1, 2`)
    const before = await snapshot()
    const admin = await http("POST", "/admin/auth/token", { body: { email: "admin@pvabazaar.local", password: "pva-admin-dev" } })
    const refreshed = await http("POST", "/admin/archetype/recommendations/refresh", {
      headers: { authorization: `Bearer ${admin.json.access_token}` },
    })
    expect(refreshed.status).toBe(200)
    expect(await snapshot()).toEqual(before)
  })

  it.each([
    ["limit=0", 400, /limit must be an integer from 1 to 50/],
    ["limit=abc", 400, /limit must be an integer/],
    ["limit=51", 400, /limit must be an integer from 1 to 50/],
    ["archetype=wizard", 400, /archetype must be one of guardian, pioneer, strategist, visionary/],
    ["result_token=art_unknown", 400, /result_token: No quiz result matches/],
    ["product_id=prod_missing", 404, /product_id: product "prod_missing" was not found/],
  ])("answers %s with %i", async (params, status, message) => {
    const res = await http("GET", `/store/recommendations?${params}`, { channel: "com" })
    expect(res.status).toBe(status)
    expect(res.json.message).toMatch(message)
  })

  it("needs the storefront's publishable key", async () => {
    const res = await http("GET", "/store/recommendations?archetype=pioneer")
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/x-publishable-api-key/)
    const revoked = await http("GET", "/store/recommendations", { headers: { "x-publishable-api-key": "pk_not_a_key" } })
    expect(revoked.status).toBe(400)
  })
})

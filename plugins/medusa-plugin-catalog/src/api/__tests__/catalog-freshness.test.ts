import http from "http"
import { query } from "@pva/test-support/database"
import { adminToken, createStockedProduct, readyCart, storeClient, testServerUrl } from "@pva/test-support/store"
import { catalog, caughtUp, databaseUrl, regionId, unique, within } from "../../../test-support/catalog"
import { REVALIDATE_SECRET } from "../../../test-support/global-setup"

/** The bound: a write shows in the catalog within a second. */
const FRESH_MS = 1000

type Revalidation = { tags: string[]; secret: string | undefined; at: number }
const revalidations: Revalidation[] = []
let storefront: http.Server
let usRegion: string

beforeAll(async () => {
  // plays the storefront's POST /api/revalidate
  storefront = http.createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      revalidations.push({ tags: JSON.parse(body).tags, secret: req.headers["x-revalidate-secret"] as string, at: Date.now() })
      res.writeHead(200, { "content-type": "application/json" }).end("{}")
    })
  })
  await new Promise<void>((resolve) => storefront.listen(Number(process.env.PVA_TEST_REVALIDATE_PORT), "127.0.0.1", resolve))
  usRegion = await regionId("United States")
})

afterAll(() => new Promise<void>((resolve) => storefront.close(() => resolve())))

async function freshPiece(stock: number) {
  const word = `Fresh${unique()}`
  const piece = await createStockedProduct(stock, { title: `${word} Garnet` })
  await caughtUp()
  return { ...piece, word }
}

const find = (word: string, extra = "") => catalog(`q=${word}&region_id=${usRegion}${extra}`)

async function admin(path: string, body: unknown) {
  const res = await fetch(`${testServerUrl()}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${await adminToken()}` },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
}

describe("catalog freshness", () => {
  it("shows an admin's price change within a second", async () => {
    const piece = await freshPiece(5)
    await admin(`/admin/products/${piece.productId}/variants/${piece.variantId}`, {
      prices: [{ currency_code: "usd", amount: 12345 }, { currency_code: "eur", amount: 11111 }],
    })
    const seen = await within(FRESH_MS, () => find(piece.word), (r) => r.products[0]?.price?.amount === 12345)
    expect(seen.ok).toBe(true)
  })

  it("shows a price written straight to the database (no Medusa event) within a second", async () => {
    const piece = await freshPiece(5)
    await query(
      databaseUrl(),
      `UPDATE money_amount ma SET amount = 4242 FROM product_variant_money_amount pvma
        WHERE pvma.money_amount_id = ma.id AND pvma.variant_id = $1 AND ma.currency_code = 'usd'`,
      [piece.variantId]
    )
    const seen = await within(FRESH_MS, () => find(piece.word), (r) => r.products[0]?.price?.amount === 4242)
    expect(seen.ok).toBe(true)
  })

  it("shows the sale of the last unit within a second, and drops only that product's cached page", async () => {
    const piece = await freshPiece(1)
    expect((await find(piece.word, "&in_stock=true")).count).toBe(1)
    const client = storeClient("com")
    const cartId = await readyCart(client, { variantId: piece.variantId })
    const since = Date.now()
    const completed: any = await client.carts.complete(cartId)
    expect(completed.type).toBe("order")

    const seen = await within(FRESH_MS, () => find(piece.word, "&in_stock=true"), (r) => r.count === 0)
    expect(seen.ok).toBe(true)
    expect((await find(piece.word)).products[0].in_stock).toBe(false)

    const told = await within(5000, async () => revalidations.filter((r) => r.at >= since), (list) =>
      list.some((r) => r.tags.includes(`product:${piece.productId}`))
    )
    expect(told.ok).toBe(true)
    expect(told.value.every((r) => r.secret === REVALIDATE_SECRET)).toBe(true)
    // the whole catalog's cache survives a checkout
    expect(told.value.flatMap((r) => r.tags)).not.toContain("products")
  })

  it("drops an unpublished product within a second", async () => {
    const piece = await freshPiece(5)
    expect((await find(piece.word)).count).toBe(1)
    await admin(`/admin/products/${piece.productId}`, { status: "draft" })
    const seen = await within(FRESH_MS, () => find(piece.word), (r) => r.count === 0)
    expect(seen.ok).toBe(true)
  })

  it("two checkouts racing for one unit leave it sold once and the catalog sold out", async () => {
    const piece = await freshPiece(1)
    const carts = await Promise.all([0, 1].map(() => readyCart(storeClient("com"), { variantId: piece.variantId })))
    const results = await Promise.allSettled(carts.map((id) => storeClient("com").carts.complete(id)))
    const orders = results.filter((r) => r.status === "fulfilled" && (r.value as any).type === "order")
    expect(orders).toHaveLength(1)
    await caughtUp()
    expect((await find(piece.word)).products[0].in_stock).toBe(false)
  })
})

import { http, registerCustomer } from "@pva/test-support/store"

// Medusa's own list routes, each with the name of its list in the answer.
const LISTS: Array<[path: string, list: string]> = [
  ["/store/products", "products"],
  ["/store/collections", "collections"],
  ["/store/product-categories", "product_categories"],
  ["/store/product-tags", "product_tags"],
  ["/store/product-types", "product_types"],
  ["/store/regions", "regions"],
]

describe("store list routes take at most 100 rows a request", () => {
  let customer: Record<string, string>

  beforeAll(async () => {
    customer = { authorization: `Bearer ${await registerCustomer(`lists-${Date.now().toString(36)}@example.com`)}` }
  })

  const get = (path: string, headers: Record<string, string> = {}) => http("GET", path, { channel: "com", headers })

  it("lowers a larger limit to 100, and says so in the answer's limit", async () => {
    for (const [path, list] of LISTS) {
      const res = await get(`${path}?limit=100000`)
      expect([path, res.status, res.json.limit]).toEqual([path, 200, 100])
      expect(res.json[list].length).toBeLessThanOrEqual(100)
    }
    const encoded = await get("/store/products?li%6Dit=100000")
    expect([encoded.status, encoded.json.limit]).toEqual([200, 100])
    expect((await get("/store/products?%zz=1&limit=100000")).status).toBe(400) // Medusa's: no such parameter
    const orders = await get("/store/customers/me/orders?limit=5000", customer)
    expect([orders.status, orders.json.limit]).toEqual([200, 100])
    expect((await get("/store/variants?limit=100000")).status).toBe(200)
    const search = await http("POST", "/store/products/search", { channel: "com", body: { q: "vase", limit: 100000 } })
    expect(search.status).toBeLessThan(500)
  })

  it("keeps the limits Medusa's Next.js starter asks for", async () => {
    const products = await get("/store/products?limit=12&offset=0")
    expect([products.status, products.json.limit, products.json.products.length]).toEqual([200, 12, Math.min(12, products.json.count)])
    expect((await get("/store/collections?limit=100")).json.limit).toBe(100)
    expect((await get("/store/product-categories?limit=100")).json.limit).toBe(100)
  })

  it("answers a limit or offset that is not a whole number with 400 and what is wrong", async () => {
    for (const path of [...LISTS.map(([p]) => p), "/store/variants"]) {
      for (const query of ["limit=abc", "limit=0", "limit=-5", "limit=1.5", "limit=1&limit=2", "offset=ten"]) {
        const res = await get(`${path}?${query}`)
        expect([path, query, res.status]).toEqual([path, query, 400])
        expect(res.json.message).toMatch(/^(limit must be a whole number from 1 to 100|offset must be a whole number), got/)
      }
    }
    const orders = await get("/store/customers/me/orders?limit=lots", customer)
    expect([orders.status, orders.json.message]).toEqual([400, 'limit must be a whole number from 1 to 100, got "lots"'])
    const search = await http("POST", "/store/products/search", { channel: "com", body: { q: "vase", limit: "all" } })
    expect([search.status, search.json.message]).toEqual([400, 'limit must be a whole number from 1 to 100, got "all"'])
  })
})

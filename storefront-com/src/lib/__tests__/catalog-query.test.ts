import { parseCatalogQuery, PER_PAGE, queryCatalog } from "../catalog-query"

const product = (i: number, usd: number, stock: number, categories: string[] = []) => ({
  title: `Piece ${String.fromCharCode(90 - i)}`,
  created_at: `2026-01-${String(i + 1).padStart(2, "0")}`,
  categories,
  variants: [{ inventory_quantity: stock, manage_inventory: true, prices: [{ currency_code: "usd", amount: usd }] }],
})
const products = Array.from({ length: 15 }, (_, i) => product(i, (i + 1) * 1000, i % 3 === 0 ? 0 : 5, i % 2 ? ["cat_even"] : ["cat_odd"]))

describe("catalog filters", () => {
  it("reads the URL, ignoring nonsense", () => {
    expect(parseCatalogQuery({ min: "10", max: "50.5", in_stock: "1", sort: "price-desc", page: "2", category: "emeralds" })).toEqual({
      category: "emeralds", min: 1000, max: 5050, inStockOnly: true, sort: "price-desc", page: 2,
    })
    expect(parseCatalogQuery({ min: "-4", max: "lots", sort: "random", page: "0" })).toEqual({ category: undefined, min: undefined, max: undefined, inStockOnly: false, sort: "featured", page: 1 })
  })

  it("filters by price range, stock and category, then sorts and pages", () => {
    const q = parseCatalogQuery({ min: "30", max: "120", in_stock: "1", sort: "price-desc" })
    const result = queryCatalog(products, q, "usd")
    const prices = result.items.map((p) => p.variants[0].prices[0].amount)
    expect(prices).toEqual([12000, 11000, 9000, 8000, 6000, 5000, 3000]) // $40, $70, $100 are sold out
    expect(queryCatalog(products, parseCatalogQuery({}), "usd", ["cat_even"]).total).toBe(7)
    const page2 = queryCatalog(products, parseCatalogQuery({ page: "2" }), "usd")
    expect(page2).toMatchObject({ page: 2, pages: 2, total: 15 })
    expect(page2.items).toHaveLength(15 - PER_PAGE)
    expect(queryCatalog(products, parseCatalogQuery({ page: "9" }), "usd").page).toBe(2)
  })
})

import { catalogParams, pageHref, parseCatalogQuery, PER_PAGE } from "../catalog-query"

describe("catalog filters", () => {
  it("reads the URL, ignoring nonsense", () => {
    expect(parseCatalogQuery({ q: " emerald ", min: "10", max: "50.5", in_stock: "1", sort: "price-desc", page: "2", category: "emeralds" })).toEqual({
      q: "emerald", category: "emeralds", min: 1000, max: 5050, inStockOnly: true, sort: "price-desc", page: 2,
    })
    expect(parseCatalogQuery({ min: "-4", max: "lots", sort: "random", page: "0" })).toEqual({
      q: undefined, category: undefined, min: undefined, max: undefined, inStockOnly: false, sort: "featured", page: 1,
    })
    expect(parseCatalogQuery({ min: "90", max: "10", page: "99999" })).toMatchObject({ min: 1000, max: 9000, page: 1000 })
  })

  it("asks the catalog API for exactly the page the shopper is on, in cents", () => {
    const params = catalogParams(parseCatalogQuery({ q: "ring", min: "30", max: "120", in_stock: "1", sort: "price-desc", page: "3", category: "rings" }), { regionId: "reg_1" })
    expect(Object.fromEntries(params)).toEqual({
      region_id: "reg_1", sort: "price_desc", page: "3", limit: String(PER_PAGE), q: "ring", category: "rings", price_min: "3000", price_max: "12000", in_stock: "true",
    })
    // a category or collection page pins its own, whatever the URL says
    const pinned = catalogParams(parseCatalogQuery({ category: "other" }), { regionId: "reg_1", category: "emeralds", collection: "digital-twins" })
    expect(pinned.get("category")).toBe("emeralds")
    expect(pinned.get("collection")).toBe("digital-twins")
    expect(pinned.get("sort")).toBe("relevance")
  })

  it("filters by a partner's handle, ignoring one no handle could be", () => {
    const query = parseCatalogQuery({ partner: "lukuni-coop", q: "ring" })
    expect(query.partner).toBe("lukuni-coop")
    expect(catalogParams(query, { regionId: "reg_1", category: "rings" }).get("partner")).toBe("lukuni-coop")
    expect(pageHref("/categories/rings", query, 2, { keepCategory: false })).toBe("/categories/rings?q=ring&partner=lukuni-coop&page=2")
    expect(parseCatalogQuery({ partner: "<script>" }).partner).toBeUndefined()
  })

  it("links to other pages keeping the filters", () => {
    const query = parseCatalogQuery({ q: "ring", category: "rings", min: "5", sort: "newest" })
    expect(pageHref("/store", query, 2, { keepCategory: true })).toBe("/store?q=ring&category=rings&min=5&sort=newest&page=2")
    expect(pageHref("/categories/rings", query, 3, { keepCategory: false })).toBe("/categories/rings?q=ring&min=5&sort=newest&page=3")
  })
})

import { CatalogParamError, DEFAULT_LIMIT, parseCatalogParams } from "../catalog-params"

describe("catalog parameters", () => {
  it("default to the first page of relevance-sorted products, stock ignored", () => {
    expect(parseCatalogParams({})).toEqual({
      q: undefined, category: undefined, collection: undefined, priceMin: undefined, priceMax: undefined,
      inStock: false, archetype: undefined, sort: "relevance", page: 1, limit: DEFAULT_LIMIT, regionId: undefined,
    })
  })

  it("read every filter a storefront sends", () => {
    expect(
      parseCatalogParams({ q: "  emerald ", category: "gemstones", collection: "digital-twins", price_min: "1000", price_max: "5000", in_stock: "true", archetype: "guardian", sort: "price_desc", page: "3", limit: "100", region_id: "reg_1" })
    ).toEqual({ q: "emerald", category: "gemstones", collection: "digital-twins", priceMin: 1000, priceMax: 5000, inStock: true, archetype: "guardian", sort: "price_desc", page: 3, limit: 100, regionId: "reg_1" })
    expect(parseCatalogParams({ in_stock: "0", price_min: "", q: "" })).toMatchObject({ inStock: false, priceMin: undefined, q: undefined })
  })

  it.each([
    [{ limit: "101" }, "limit must be a whole number from 1 to 100"],
    [{ page: "0" }, "page must be a whole number from 1 to 1000"],
    [{ price_min: "1e3" }, "price_min must be a whole number"],
    [{ price_max: "0x10" }, "price_max must be a whole number"],
    [{ sort: "random" }, "sort must be one of relevance, price_asc, price_desc, newest"],
    [{ in_stock: "yes" }, "in_stock must be true or false"],
    [{ q: ["a", "b"] }, "q must be given once"],
    [{ category: { $ne: "" } }, "category must be given once"],
  ])("refuses %j", (query, message) => {
    expect(() => parseCatalogParams(query as any)).toThrow(CatalogParamError)
    expect(() => parseCatalogParams(query as any)).toThrow(message)
  })
})

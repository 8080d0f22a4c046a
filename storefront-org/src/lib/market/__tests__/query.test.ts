import { apiQuery, filtersFrom, marketHref, PAGE_SIZE } from "../query"

describe("the market's filters in the URL", () => {
  it("turns /market's search params into the store API query, prices in wei", () => {
    const filters = filtersFrom({ kind: "english", asset: "twin", min_price: "0.5", max_price: "2", sort: "ending_soon", page: "3" })
    const q = apiQuery(filters)
    expect(Object.fromEntries(q)).toEqual({
      kind: "english",
      asset: "twin",
      min_price: "500000000000000000",
      max_price: "2000000000000000000",
      sort: "ending_soon",
      limit: String(PAGE_SIZE),
      offset: String(2 * PAGE_SIZE),
    })
  })

  it("drops what it does not recognise, so a hand-edited URL still shows the market", () => {
    const filters = filtersFrom({ kind: "raffle", asset: ["shares", "twin"], min_price: "cheap", sort: "random", page: "-4" })
    expect(filters).toEqual({ kind: null, asset: "shares", minPrice: "", maxPrice: "", sort: "newest", page: 1 })
    expect(Object.fromEntries(apiQuery(filters))).toEqual({ asset: "shares", sort: "newest", limit: String(PAGE_SIZE), offset: "0" })
  })

  it("reads a price range typed the wrong way round as the same range", () => {
    const filters = filtersFrom({ min_price: "3", max_price: "0.5" })
    expect([filters.minPrice, filters.maxPrice]).toEqual(["0.5", "3"])
  })

  it("links pages with the same filters, defaults left out", () => {
    const filters = filtersFrom({ kind: "dutch", sort: "newest" })
    expect(marketHref(filters, 1)).toBe("/market?kind=dutch")
    expect(marketHref(filters, 2)).toBe("/market?kind=dutch&page=2")
    expect(marketHref(filtersFrom({}), 1)).toBe("/market")
    expect(marketHref(filtersFrom({ sort: "price_desc", max_price: "1.5" }), 4)).toBe("/market?max_price=1.5&sort=price_desc&page=4")
  })
})

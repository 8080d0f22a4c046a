import { render, screen, within } from "@testing-library/react"
import { parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "../catalog-view"

const result = {
  products: [],
  count: 0,
  page: 1,
  limit: 12,
  currency_code: "usd",
  facets: {
    categories: [],
    partners: [
      { handle: "lukuni-coop", name: "Lukuni Cooperative", count: 5 },
      { handle: "andes-gems", name: "Andes Gems", count: 2 },
    ],
    price: [],
    in_stock: { in_stock: 0, out_of_stock: 0 },
  },
}

describe("the catalog's partner filter", () => {
  it("offers each partner with its count and keeps the chosen one selected", () => {
    render(<CatalogView title="Rings" basePath="/categories/rings" result={result} query={parseCatalogQuery({ partner: "andes-gems" })} currencyCode="usd" hideCategoryFilter />)
    const select = screen.getByLabelText("Partner") as HTMLSelectElement
    expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["All partners", "Lukuni Cooperative (5)", "Andes Gems (2)"])
    expect(select.value).toBe("andes-gems")
    expect(select.name).toBe("partner")
  })

  it("offers no partner choice when no piece of the listing has a partner", () => {
    render(<CatalogView title="Search" basePath="/store" result={{ ...result, facets: { ...result.facets, partners: [] } }} query={parseCatalogQuery({})} currencyCode="usd" />)
    expect(screen.queryByLabelText("Partner")).toBeNull()
  })
})

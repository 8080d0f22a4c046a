import { render, screen, within } from "@testing-library/react"
import { ProductCard } from "../product-card"

// A `GET /store/catalog` item as listing pages receive it.
const item = {
  id: "prod_1",
  title: "Amradjet Emerald Pendant",
  handle: "amradjet-emerald-pendant",
  thumbnail: null,
  price: { amount: 50000, currency_code: "usd" },
  in_stock: true,
  digital_twin: true,
}

describe("a catalog product card", () => {
  it("shows a sale price with the earlier price struck through", () => {
    render(<ProductCard product={{ ...item, original_price: { amount: 62500, currency_code: "usd" } }} currencyCode="usd" />)
    const card = screen.getByTestId("product-card")
    expect(within(card).getByTestId("price")).toHaveTextContent("$500.00")
    const was = within(card).getByTestId("original-price")
    expect(was.tagName).toBe("S")
    expect(was).toHaveTextContent("$625.00")
  })

  it("shows just the price when the piece is not on sale", () => {
    render(<ProductCard product={item} currencyCode="usd" />)
    expect(screen.getByTestId("price")).toHaveTextContent("$500.00")
    expect(screen.queryByTestId("original-price")).toBeNull()
  })
})

import { render, screen } from "@testing-library/react"
import { Price } from "../components/Price"
import { cheapestAmount, formatAmount, inStock, variantAmount } from "../price"

describe("price display", () => {
  it("shows minor units in the region's currency", () => {
    expect(formatAmount(62500, "usd")).toBe("$625.00")
    expect(formatAmount(18999, "USD")).toBe("$189.99")
    expect(formatAmount(57900, "eur")).toBe("€579.00")
  })

  it("renders a price, or says plainly that a piece has none in this currency", () => {
    const { rerender } = render(<Price amount={62500} currencyCode="usd" />)
    expect(screen.getByTestId("price")).toHaveTextContent("$625.00")
    rerender(<Price amount={null} currencyCode="eur" />)
    expect(screen.getByText("Not available in EUR")).toBeInTheDocument()
  })

  it("strikes the earlier price through during a sale, and shows a plain price otherwise", () => {
    const { rerender } = render(<Price amount={7000} originalAmount={10000} currencyCode="usd" />)
    expect(screen.getByTestId("price")).toHaveTextContent("$70.00")
    const original = screen.getByTestId("original-price")
    expect(original.tagName).toBe("S")
    expect(original).toHaveTextContent("was $100.00")
    rerender(<Price amount={7000} originalAmount={7000} currencyCode="usd" />)
    expect(screen.queryByTestId("original-price")).toBeNull()
    rerender(<Price amount={7000} currencyCode="usd" />)
    expect(screen.queryByTestId("original-price")).toBeNull()
    expect(screen.getByTestId("price")).toHaveTextContent("$70.00")
  })

  it("prefers Medusa's calculated region price over list prices, and finds the cheapest variant", () => {
    const variants = [
      { calculated_price: null, prices: [{ currency_code: "usd", amount: 9000 }, { currency_code: "eur", amount: 8000 }] },
      { calculated_price: 7000, prices: [{ currency_code: "usd", amount: 9999 }] },
    ]
    expect(variantAmount(variants[0], "eur")).toBe(8000)
    expect(variantAmount(variants[1], "usd")).toBe(7000)
    expect(cheapestAmount(variants, "usd")).toBe(7000)
    expect(cheapestAmount([{ prices: [{ currency_code: "usd", amount: 100 }] }], "eur")).toBeNull()
  })

  it("treats unmanaged or backorderable stock as available", () => {
    expect(inStock({ inventory_quantity: 0, manage_inventory: true })).toBe(false)
    expect(inStock({ inventory_quantity: 0, manage_inventory: false })).toBe(true)
    expect(inStock({ inventory_quantity: 0, manage_inventory: true, allow_backorder: true })).toBe(true)
    expect(inStock({ inventory_quantity: 3, manage_inventory: true })).toBe(true)
  })
})

import { render, screen } from "@testing-library/react"
import { CartTotals } from "../components/CartTotals"

describe("cart totals with their tax lines", () => {
  it("shows totals in euros for a European cart", () => {
    render(<CartTotals cart={{ subtotal: 57900, shipping_total: 1500, tax_total: 0, total: 59400 }} currencyCode="eur" />)
    expect(screen.getByTestId("total-total")).toHaveTextContent("€594.00")
    expect(screen.getByTestId("total-shipping")).toHaveTextContent("€15.00")
  })

  it("shows a European cart's prices as shown, with the VAT they include", () => {
    // Medusa's totals for a €579 pendant and €9 shipping to France: net amounts plus VAT.
    const cart = {
      subtotal: 48250, item_tax_total: 9650, shipping_total: 750, shipping_tax_total: 150, tax_total: 9800, total: 58800,
      items: [{ includes_tax: true, tax_lines: [{ name: "VAT (FR)", rate: 20 }] }],
      shipping_methods: [{ tax_lines: [{ name: "VAT (FR)", rate: 20 }] }],
    }
    render(<CartTotals cart={cart} currencyCode="eur" />)
    expect(screen.getByTestId("total-subtotal")).toHaveTextContent("€579.00")
    expect(screen.getByTestId("total-shipping")).toHaveTextContent("€9.00")
    expect(screen.getByTestId("total-total")).toHaveTextContent("€588.00")
    expect(screen.getByText("Including VAT (FR) 20%")).toBeInTheDocument()
    expect(screen.getByTestId("total-taxes")).toHaveTextContent("€98.00")
  })

  it("adds a US state's sales tax as its own line", () => {
    const cart = {
      subtotal: 62500, shipping_total: 800, tax_total: 4531, total: 67831,
      items: [{ includes_tax: false, tax_lines: [{ name: "Sales tax (CA)", rate: 7.25 }] }],
      shipping_methods: [{ tax_lines: [{ name: "Sales tax (CA): shipping exempt", rate: 0 }] }],
    }
    render(<CartTotals cart={cart} currencyCode="usd" />)
    expect(screen.getByText("Sales tax (CA) 7.25%")).toBeInTheDocument()
    expect(screen.getByTestId("total-taxes")).toHaveTextContent("$45.31")
    expect(screen.getByTestId("total-total")).toHaveTextContent("$678.31")
  })

  it("names the exemption of a cart of shares, which are securities, with no tax due", () => {
    const cart = {
      subtotal: 50000, tax_total: 0, total: 50000,
      items: [{ includes_tax: false, tax_lines: [{ name: "Securities: no sales tax or VAT", rate: 0, code: "EXEMPT-SECURITIES" }] }],
    }
    render(<CartTotals cart={cart} currencyCode="usd" />)
    expect(screen.getByText("Securities: no sales tax or VAT")).toBeInTheDocument()
    expect(screen.getByTestId("total-taxes")).toHaveTextContent("$0.00")
    expect(screen.getByTestId("total-total")).toHaveTextContent("$500.00")
  })

  it("shows a euro cart of shares at its price, the exemption named rather than 'including' a tax", () => {
    const cart = {
      subtotal: 50000, item_tax_total: 0, tax_total: 0, total: 50000,
      items: [{ includes_tax: true, tax_lines: [{ name: "Securities: no sales tax or VAT", rate: 0, code: "EXEMPT-SECURITIES" }] }],
    }
    render(<CartTotals cart={cart} currencyCode="eur" />)
    expect(screen.getByTestId("total-subtotal")).toHaveTextContent("€500.00")
    expect(screen.queryByText(/Including/)).not.toBeInTheDocument()
    expect(screen.getByText("Securities: no sales tax or VAT")).toBeInTheDocument()
  })

  it("says just 'Taxes' before the address names a destination (the region's fallback line is no exemption)", () => {
    const cart = { subtotal: 62500, tax_total: 0, total: 62500, items: [{ includes_tax: false, tax_lines: [{ name: "default", rate: 0, code: null }] }] }
    render(<CartTotals cart={cart} currencyCode="usd" />)
    expect(screen.getByRole("rowheader", { name: "Taxes" })).toBeInTheDocument()
  })
})

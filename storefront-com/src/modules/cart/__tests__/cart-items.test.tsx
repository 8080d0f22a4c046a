import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { CartItems, CartTotals } from "../cart-items"

const items = [
  { id: "li_1", title: "Amradjet Emerald Pendant", quantity: 1, unit_price: 62500, total: 62500, variant: { inventory_quantity: 5, manage_inventory: true } },
  { id: "li_2", title: "Malachite Fish", quantity: 2, unit_price: 18999, total: 37998, variant: { inventory_quantity: 2, manage_inventory: true } },
]

describe("cart", () => {
  it("lists each line with its price and total in the cart's currency", () => {
    render(<CartItems items={items} currencyCode="usd" onUpdate={jest.fn()} onRemove={jest.fn()} />)
    const [pendant, fish] = screen.getAllByTestId("cart-item")
    expect(pendant).toHaveTextContent("Amradjet Emerald Pendant")
    expect(pendant).toHaveTextContent("$625.00")
    expect(fish).toHaveTextContent("$189.99")
    expect(fish).toHaveTextContent("$379.98")
    expect(within(fish).getByTestId("quantity")).toHaveTextContent("2")
  })

  it("changes quantities within stock and removes lines", async () => {
    const onUpdate = jest.fn()
    const onRemove = jest.fn()
    const user = userEvent.setup()
    render(<CartItems items={items} currencyCode="usd" onUpdate={onUpdate} onRemove={onRemove} />)

    await user.click(screen.getByRole("button", { name: "One more Amradjet Emerald Pendant" }))
    expect(onUpdate).toHaveBeenCalledWith("li_1", 2)
    expect(screen.getByRole("button", { name: "One fewer Amradjet Emerald Pendant" })).toBeDisabled()
    expect(screen.getByRole("button", { name: "One more Malachite Fish" })).toBeDisabled() // 2 of 2 in stock
    await user.click(screen.getByRole("button", { name: "One fewer Malachite Fish" }))
    expect(onUpdate).toHaveBeenCalledWith("li_2", 1)
    await user.click(screen.getByRole("button", { name: "Remove Malachite Fish" }))
    expect(onRemove).toHaveBeenCalledWith("li_2")
  })

  it("says when the cart is empty", () => {
    render(<CartItems items={[]} currencyCode="eur" onUpdate={jest.fn()} onRemove={jest.fn()} />)
    expect(screen.getByText("Your cart is empty.")).toBeInTheDocument()
  })

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
})

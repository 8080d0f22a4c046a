import { render, screen, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { CartItems } from "../cart-items"

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
})

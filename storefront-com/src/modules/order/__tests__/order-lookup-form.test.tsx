import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { OrderLookupForm } from "../order-lookup-form"

const push = jest.fn()
jest.mock("next/navigation", () => ({ useRouter: () => ({ push }) }))

beforeEach(() => push.mockReset())

async function fill(orderNumber: string, email: string) {
  const user = userEvent.setup()
  if (orderNumber) await user.type(screen.getByLabelText("Order number"), orderNumber)
  if (email) await user.type(screen.getByLabelText("Email"), email)
  await user.click(screen.getByRole("button", { name: "Find my order" }))
}

describe("guest order lookup form", () => {
  it("posts, never gets: without JavaScript the email would not land in the URL either", () => {
    render(<OrderLookupForm lookup={jest.fn()} />)
    expect(screen.getByRole("form", { name: "Find your order" })).toHaveAttribute("method", "post")
  })

  it("asks for both fields before asking the server", async () => {
    const lookup = jest.fn()
    render(<OrderLookupForm lookup={lookup} />)
    await fill("PVA-20260101-000123", "")
    expect(screen.getByRole("alert")).toHaveTextContent("Enter your order number and the email you ordered with.")
    expect(lookup).not.toHaveBeenCalled()
  })

  it("shows the server's answer when no order matches, and stays on the form", async () => {
    const lookup = jest.fn().mockResolvedValue({ ok: false, status: 404, message: "No order matches that number and email" })
    render(<OrderLookupForm lookup={lookup} />)
    await fill(" PVA-20260101-000123 ", "ada@example.com ")
    expect(lookup).toHaveBeenCalledWith("PVA-20260101-000123", "ada@example.com")
    expect(await screen.findByRole("alert")).toHaveTextContent("No order matches that number and email")
    expect(push).not.toHaveBeenCalled()
  })

  it("opens the order by its id alone", async () => {
    const lookup = jest.fn().mockResolvedValue({ ok: true, data: { id: "order_01ABC" } })
    render(<OrderLookupForm lookup={lookup} />)
    await fill("PVA-20260101-000123", "ada@example.com")
    expect(push).toHaveBeenCalledWith("/order/order_01ABC")
  })

  it("says so when the shop's server cannot be reached", async () => {
    render(<OrderLookupForm lookup={jest.fn().mockRejectedValue(new Error("fetch failed"))} />)
    await fill("PVA-20260101-000123", "ada@example.com")
    expect(await screen.findByRole("alert")).toHaveTextContent("The shop could not reach its server. Please try again.")
  })
})

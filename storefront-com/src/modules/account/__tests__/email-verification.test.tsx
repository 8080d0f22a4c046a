import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { StrictMode } from "react"
import { VerifyEmail } from "../verify-email"
import { VerifyEmailNotice } from "../verify-email-notice"

const order = { id: "order_1", pva_number: "PVA-20260101-000123", display_id: 123, created_at: "2026-01-01T10:00:00Z", status: "pending" }

describe("verify email page", () => {
  beforeEach(() => window.history.replaceState(null, "", "/account/verify-email?token=link-token-1"))

  it("confirms the token once, even when React runs effects twice, then lists the joined orders", async () => {
    const confirm = jest.fn().mockResolvedValue({ ok: true, data: null })
    const loadOrders = jest.fn().mockResolvedValue({ ok: true, data: [order] })
    render(<StrictMode><VerifyEmail token="link-token-1" confirm={confirm} loadOrders={loadOrders} /></StrictMode>)
    expect(await screen.findByRole("heading", { name: "Your email is verified" })).toBeInTheDocument()
    expect(await screen.findByTestId("order-row")).toHaveTextContent("PVA-20260101-000123")
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(confirm).toHaveBeenCalledWith("link-token-1")
    expect(window.location.search).toBe("")
  })

  it("asks a signed-out reader to log in to see the orders", async () => {
    const loadOrders = jest.fn().mockResolvedValue({ ok: false, status: 401, message: "Log in to continue." })
    render(<VerifyEmail token="t" confirm={jest.fn().mockResolvedValue({ ok: true, data: null })} loadOrders={loadOrders} />)
    expect(await screen.findByRole("link", { name: "Log in" })).toHaveAttribute("href", "/account")
    expect(screen.queryByTestId("order-row")).not.toBeInTheDocument()
  })

  it("shows why a used or expired link failed and lists nothing", async () => {
    const loadOrders = jest.fn()
    const confirm = jest.fn().mockResolvedValue({ ok: false, status: 400, message: "This verification link has expired or was already used" })
    render(<VerifyEmail token="t" confirm={confirm} loadOrders={loadOrders} />)
    expect(await screen.findByRole("alert")).toHaveTextContent("This verification link has expired or was already used")
    expect(screen.getByRole("heading", { name: "Email not verified" })).toBeInTheDocument()
    expect(loadOrders).not.toHaveBeenCalled()
  })
})

describe("verify your email notice", () => {
  it("sends the link again and says where to", async () => {
    const resend = jest.fn().mockResolvedValue({ ok: true, data: null })
    const user = userEvent.setup()
    render(<VerifyEmailNotice email="ada@example.com" resend={resend} />)
    expect(screen.getByTestId("verify-email-notice")).toHaveTextContent("We sent a link to ada@example.com")
    await user.click(screen.getByRole("button", { name: "Send the link again" }))
    expect(resend).toHaveBeenCalledTimes(1)
    expect(await screen.findByRole("status")).toHaveTextContent("We sent a new link to ada@example.com.")
  })

  it("shows a rate limit as the server words it", async () => {
    const resend = jest.fn().mockResolvedValue({ ok: false, status: 429, message: "Too many verification attempts: try again in 300 seconds" })
    const user = userEvent.setup()
    render(<VerifyEmailNotice email="ada@example.com" resend={resend} />)
    await user.click(screen.getByRole("button", { name: "Send the link again" }))
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many verification attempts")
  })
})

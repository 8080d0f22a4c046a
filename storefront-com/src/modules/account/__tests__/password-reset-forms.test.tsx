import { render, screen } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { ForgotPasswordForm } from "../forgot-password-form"
import { ResetPasswordForm } from "../reset-password-form"

describe("forgot password form", () => {
  it("answers the same way whatever the server knows, so nobody learns who has an account", async () => {
    const request = jest.fn().mockResolvedValue({ ok: true, data: null })
    const user = userEvent.setup()
    render(<ForgotPasswordForm request={request} />)
    expect(screen.getByRole("form", { name: "Forgot your password?" })).toHaveAttribute("method", "post")
    await user.type(screen.getByLabelText("Email"), " rosa@example.com ")
    await user.click(screen.getByRole("button", { name: "Send me a link" }))
    expect(request).toHaveBeenCalledWith("rosa@example.com")
    expect(await screen.findByRole("status")).toHaveTextContent("If an account uses rosa@example.com, we sent it a link")
  })

  it("shows a rate limit or a bad address as the server words it", async () => {
    const request = jest.fn().mockResolvedValue({ ok: false, status: 429, message: "Too many password-reset attempts: try again in 60 seconds" })
    const user = userEvent.setup()
    render(<ForgotPasswordForm request={request} />)
    await user.click(screen.getByRole("button", { name: "Send me a link" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Enter the email address of your account.")
    expect(request).not.toHaveBeenCalled()
    await user.type(screen.getByLabelText("Email"), "rosa@example.com")
    await user.click(screen.getByRole("button", { name: "Send me a link" }))
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many password-reset attempts")
  })
})

describe("reset password form", () => {
  beforeEach(() => window.history.replaceState(null, "", "/account/reset-password?token=link-token-1"))

  it("takes the token out of the address bar and sends it with the email and new password", async () => {
    const reset = jest.fn().mockResolvedValue({ ok: true, data: null })
    const user = userEvent.setup()
    render(<ResetPasswordForm token="link-token-1" reset={reset} />)
    expect(window.location.search).toBe("")
    expect(window.location.pathname).toBe("/account/reset-password")
    await user.type(screen.getByLabelText("Email"), "rosa@example.com")
    await user.type(screen.getByLabelText("New password"), "new-password-2")
    await user.type(screen.getByLabelText("New password again"), "new-password-2")
    await user.click(screen.getByRole("button", { name: "Set new password" }))
    expect(reset).toHaveBeenCalledWith({ email: "rosa@example.com", token: "link-token-1", password: "new-password-2" })
    expect(await screen.findByRole("heading", { name: "Password changed" })).toBeInTheDocument()
  })

  it("checks the new password twice before sending it", async () => {
    const reset = jest.fn()
    const user = userEvent.setup()
    render(<ResetPasswordForm token="link-token-1" reset={reset} />)
    await user.type(screen.getByLabelText("Email"), "rosa@example.com")
    await user.type(screen.getByLabelText("New password"), "short")
    await user.click(screen.getByRole("button", { name: "Set new password" }))
    expect(screen.getByRole("alert")).toHaveTextContent("Choose a password of at least 8 characters.")
    await user.clear(screen.getByLabelText("New password"))
    await user.type(screen.getByLabelText("New password"), "new-password-2")
    await user.type(screen.getByLabelText("New password again"), "new-password-3")
    await user.click(screen.getByRole("button", { name: "Set new password" }))
    expect(screen.getByRole("alert")).toHaveTextContent("The two passwords differ.")
    expect(reset).not.toHaveBeenCalled()
  })

  it("offers a new link when the server refuses a used or expired token", async () => {
    const reset = jest.fn().mockResolvedValue({ ok: false, status: 400, message: "This reset link is invalid or has expired. Ask for a new one." })
    const user = userEvent.setup()
    render(<ResetPasswordForm token="link-token-1" reset={reset} />)
    await user.type(screen.getByLabelText("Email"), "rosa@example.com")
    await user.type(screen.getByLabelText("New password"), "new-password-2")
    await user.type(screen.getByLabelText("New password again"), "new-password-2")
    await user.click(screen.getByRole("button", { name: "Set new password" }))
    expect(await screen.findByRole("alert")).toHaveTextContent("invalid or has expired")
    expect(screen.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/account/forgot-password")
  })

  it("without a token, explains where the link comes from", () => {
    render(<ResetPasswordForm token="" reset={jest.fn()} />)
    expect(screen.getByRole("alert")).toHaveTextContent("This page needs the link from your password reset email.")
    expect(screen.queryByRole("button", { name: "Set new password" })).not.toBeInTheDocument()
  })
})

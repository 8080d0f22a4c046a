import { linkIn, nthEmailTo } from "@pva/test-support/email"
import { cookieSession, customerToken, http, registerCustomer } from "@pva/test-support/store"

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
const me = (headers: Record<string, string>) => http("GET", "/store/customers/me", { headers })
const update = (headers: Record<string, string>, body: unknown) => http("POST", "/store/customers/me", { headers, body })

/**
 * Another sign-in's token. Medusa's tokens name only the customer and the second they were
 * issued, so two sign-ins within one second get the very same token: wait for the next one.
 */
async function anotherToken(email: string, password: string, than: string): Promise<string> {
  for (;;) {
    const token = await customerToken(email, password)
    if (token !== than) return token
    await new Promise((r) => setTimeout(r, 200))
  }
}

describe("changing the email or password needs the current password", () => {
  it("refuses an email change without current_password (400) or with a wrong one (401), and makes it with the right one", async () => {
    const email = unique("change-email")
    const session = bearer(await registerCustomer(email, "first-password-1"))
    const wanted = unique("new-address")

    const missing = await update(session, { email: wanted })
    expect([missing.status, missing.json.message]).toEqual([400, "current_password is required to change the account's email"])
    const wrong = await update(session, { email: wanted, current_password: "a-guess-1" })
    expect([wrong.status, wrong.json.message]).toEqual([401, "current_password is not this account's password: the email was not changed"])
    expect((await me(session)).json.customer.email).toBe(email)

    const changed = await update(session, { email: wanted, current_password: "first-password-1" })
    expect([changed.status, changed.json.customer.email]).toEqual([200, wanted])
  })

  it("refuses a password change without the current password, so a stolen session cannot take the account", async () => {
    const email = unique("change-password")
    const session = bearer(await registerCustomer(email, "first-password-1"))
    const missing = await update(session, { password: "stolen-password-2" })
    expect([missing.status, missing.json.message]).toEqual([400, "current_password is required to change the account's password"])
    expect((await update(session, { password: "stolen-password-2", current_password: "" })).status).toBe(400)
    expect((await update(session, { password: "stolen-password-2", current_password: "not-it-1" })).status).toBe(401)
    await expect(customerToken(email, "stolen-password-2")).rejects.toThrow(/401/)
    expect(await customerToken(email, "first-password-1")).toEqual(expect.any(String))
  })

  it("still changes names, phone and the unchanged email with the session alone", async () => {
    const email = unique("rename")
    const session = bearer(await registerCustomer(email))
    const res = await update(session, { first_name: "Renamed", phone: "+15550100", email: email.toUpperCase() })
    expect([res.status, res.json.customer.first_name]).toEqual([200, "Renamed"])
  })
})

describe("a password change ends the account's other sessions", () => {
  it("keeps the session that made the change and ends every other token and cookie session", async () => {
    const email = unique("sessions")
    const changerToken = await registerCustomer(email, "first-password-1")
    const changer = bearer(changerToken)
    const otherDevice = bearer(await anotherToken(email, "first-password-1", changerToken))
    const starter = await cookieSession(email, "first-password-1")
    expect((await me(otherDevice)).status).toBe(200)
    expect((await http("GET", "/store/auth", { headers: starter })).status).toBe(200)

    const changed = await update(changer, { password: "second-password-2", current_password: "first-password-1" })
    expect(changed.status).toBe(200)

    expect((await me(changer)).status).toBe(200)
    expect((await me(otherDevice)).status).toBe(401)
    expect((await http("GET", "/store/auth", { headers: starter })).status).toBe(401)
    // An ended token is no token: a guest's routes still answer, as for any visitor.
    expect((await http("GET", "/store/regions", { headers: otherDevice })).status).toBe(200)
    // Signing in with the new password gives a session that works at once.
    expect((await me(bearer(await customerToken(email, "second-password-2")))).status).toBe(200)
    expect((await http("GET", "/store/auth", { headers: await cookieSession(email, "second-password-2") })).status).toBe(200)
  })

  it("a cookie session that changes the password keeps itself and ends the account's tokens", async () => {
    const email = unique("cookie-change")
    const token = bearer(await registerCustomer(email, "first-password-1"))
    const starter = await cookieSession(email, "first-password-1")
    const changed = await update(starter, { password: "second-password-2", current_password: "first-password-1" })
    expect(changed.status).toBe(200)
    expect((await http("GET", "/store/auth", { headers: starter })).status).toBe(200)
    expect((await me(token)).status).toBe(401)
  })

  it("a password reset ends every session the account had", async () => {
    const email = unique("reset-sessions")
    const stolen = bearer(await registerCustomer(email, "first-password-1"))
    const starter = await cookieSession(email, "first-password-1")
    expect((await http("POST", "/store/customers/password-token", { body: { email } })).status).toBe(204)
    const { token } = linkIn(await nthEmailTo(email, "customer.password_reset"))
    expect((await http("POST", "/store/customers/password-reset", { body: { email, token, password: "second-password-2" } })).status).toBe(200)
    expect((await me(stolen)).status).toBe(401)
    expect((await http("GET", "/store/auth", { headers: starter })).status).toBe(401)
    expect((await me(bearer(await customerToken(email, "second-password-2")))).status).toBe(200)
  })
})

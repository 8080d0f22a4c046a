import { createHash } from "crypto"
import { query } from "@pva/test-support/database"
import { emailsTo, linkIn, nthEmailTo } from "@pva/test-support/email"
import { http, registerCustomer } from "@pva/test-support/store"

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
const EVENT = "customer.email_verification"
const db = () => process.env.PVA_TEST_DATABASE_URL!

const confirm = (token: unknown) => http("POST", "/store/email-verification/confirm", { body: { token } })
const status = (token: string) =>
  http("GET", "/store/customers/me/email-verification", { headers: { authorization: `Bearer ${token}` } })
const resend = (token?: string) =>
  http("POST", "/store/customers/me/email-verification", { headers: token ? { authorization: `Bearer ${token}` } : {} })

async function registered() {
  const email = unique("verify")
  const session = await registerCustomer(email)
  const { url, token } = linkIn(await nthEmailTo(email, EVENT))
  return { email, session, url, token }
}

describe("email verification", () => {
  it("registration emails a link to the shop's verify page with a long random token that is stored only hashed", async () => {
    const { email, session, url, token } = await registered()
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:8000/account/verify-email")
    expect([...url.searchParams.keys()]).toEqual(["token"])
    expect(Buffer.from(token, "base64url").length).toBeGreaterThanOrEqual(16)

    const stored = await query(db(), `SELECT token_hash, extract(epoch FROM expires_at - created_at)::int AS ttl FROM email_verification_token WHERE email = $1`, [email])
    expect(stored).toHaveLength(1)
    expect(stored[0].token_hash).toBe(createHash("sha256").update(token).digest("hex"))
    expect(stored[0].ttl).toBe(24 * 3600)
    // Medusa's notification log keeps the email's subject, not the link.
    const logged = await query(db(), `SELECT data::text AS data FROM notification WHERE "to" = $1 AND event_name = $2`, [email, EVENT])
    expect(logged).toHaveLength(1)
    expect(logged[0].data).not.toContain(token)

    expect((await status(session)).json).toEqual({ verified: false })
    expect(await confirm(token)).toMatchObject({ status: 200, json: { verified: true } })
    expect((await status(session)).json).toEqual({ verified: true })
  })

  it("a token works once: a replay is a 400 saying so", async () => {
    const { token } = await registered()
    expect((await confirm(token)).status).toBe(200)
    const replay = await confirm(token)
    expect(replay.status).toBe(400)
    expect(replay.json.message).toMatch(/invalid, expired or already used/)
  })

  it("two concurrent confirmations of one token: exactly one succeeds", async () => {
    const { token } = await registered()
    const statuses = (await Promise.all(Array.from({ length: 5 }, () => confirm(token)))).map((r) => r.status).sort()
    expect(statuses).toEqual([200, 400, 400, 400, 400])
  })

  it("an expired token is refused", async () => {
    const { session, token } = await registered()
    await query(db(), `UPDATE email_verification_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      createHash("sha256").update(token).digest("hex"),
    ])
    expect((await confirm(token)).status).toBe(400)
    expect((await status(session)).json).toEqual({ verified: false })
  })

  it("answers a missing, malformed or unknown token with 400 and a message", async () => {
    for (const bad of [undefined, "", 42, "short", "x".repeat(500), "A".repeat(43)]) {
      const res = await confirm(bad)
      expect([bad, res.status]).toEqual([bad, 400])
      expect(res.json.message).toEqual(expect.any(String))
    }
    const notJson = await http("POST", "/store/email-verification/confirm", { rawBody: "{token" })
    expect(notJson.status).toBe(400)
  })

  it("a resent link replaces the earlier one; a verified account is told so and sent nothing", async () => {
    const { email, session, token: first } = await registered()
    const res = await resend(session)
    expect(res.status).toBe(202)
    expect(res.json).toEqual({ verified: false })
    const { token: second } = linkIn(await nthEmailTo(email, EVENT, 2))
    expect(second).not.toBe(first)
    expect((await confirm(first)).status).toBe(400)
    expect((await confirm(second)).status).toBe(200)

    const again = await resend(session)
    expect([again.status, again.json]).toEqual([202, { verified: true }])
    await new Promise((r) => setTimeout(r, 500))
    expect(await emailsTo(email, EVENT)).toHaveLength(2)
  })

  it("needs a session to read or resend, and a token verifies only the account it was sent to", async () => {
    expect((await resend()).status).toBe(401)
    expect((await http("GET", "/store/customers/me/email-verification")).status).toBe(401)

    const victim = await registered()
    const intruder = await registered()
    // The intruder's session plays no part: the token names its own account.
    const res = await http("POST", "/store/email-verification/confirm", {
      body: { token: victim.token },
      headers: { authorization: `Bearer ${intruder.session}` },
    })
    expect(res.status).toBe(200)
    expect((await status(victim.session)).json).toEqual({ verified: true })
    expect((await status(intruder.session)).json).toEqual({ verified: false })
  })

  it("an account that changes its email is unverified until it proves the new address", async () => {
    const { session, token } = await registered()
    expect((await confirm(token)).status).toBe(200)
    const newEmail = unique("moved")
    const update = await http("POST", "/store/customers/me", { body: { email: newEmail, current_password: "correct-horse-battery" }, headers: { authorization: `Bearer ${session}` } })
    expect(update.status).toBe(200)
    expect((await status(session)).json).toEqual({ verified: false })

    // A link issued for the old address cannot verify the new one.
    const { session: other, token: stale } = await registered()
    await http("POST", "/store/customers/me", { body: { email: unique("elsewhere"), current_password: "correct-horse-battery" }, headers: { authorization: `Bearer ${other}` } })
    const res = await confirm(stale)
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/no longer uses/)
  })
})

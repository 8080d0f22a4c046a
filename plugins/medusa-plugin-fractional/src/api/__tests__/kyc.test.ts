import { registerCustomer } from "@pva/test-support/store"
import { admin, store } from "../../../test-support/fractional"

const unique = () => `kyc-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
const application = { legal_name: "Grace Collector", country_code: "DE", date_of_birth: "1985-06-30" }

describe("KYC", () => {
  it("a new customer's status is required; anonymous visitors get a 401", async () => {
    const token = await registerCustomer(unique())
    const res = await store("GET", "/store/customers/me/kyc", { token })
    expect(res.status).toBe(200)
    expect(res.json.kyc).toEqual({ status: "required", application: null, decisions: [] })
    expect((await store("GET", "/store/customers/me/kyc")).status).toBe(401)
    expect((await store("POST", "/store/customers/me/kyc", { body: application })).status).toBe(401)
  })

  it.each([
    [{ ...application, legal_name: "" }, /legal_name/],
    [{ ...application, country_code: "Germany" }, /country_code must be the two-letter ISO 3166 code/],
    [{ ...application, date_of_birth: "30.06.1985" }, /YYYY-MM-DD/],
    [{ ...application, date_of_birth: "1985-02-30" }, /not a calendar date/],
    [{ ...application, date_of_birth: new Date().toISOString().slice(0, 10) }, /at least 18 years old/],
    [{}, /legal_name/],
  ])("refuses %j with a 400 that says why", async (body, message) => {
    const token = await registerCustomer(unique())
    const res = await store("POST", "/store/customers/me/kyc", { token, body })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
    expect((await store("GET", "/store/customers/me/kyc", { token })).json.kyc.status).toBe("required")
  })

  it("submit → pending in the review queue → rejected with a note → resubmit → approved → revoked, every decision kept", async () => {
    const email = unique()
    const token = await registerCustomer(email)
    const submitted = await store("POST", "/store/customers/me/kyc", { token, body: application })
    expect(submitted.status).toBe(201)
    expect(submitted.json.kyc).toMatchObject({ status: "pending", application: { legal_name: "Grace Collector", country_code: "de", date_of_birth: "1985-06-30" } })

    const twice = await store("POST", "/store/customers/me/kyc", { token, body: application })
    expect(twice.status).toBe(400)
    expect(twice.json.message).toMatch(/already under review/)

    const queue = (await admin("GET", "/admin/kyc/applications")).json.applications
    const mine = queue.find((a: any) => a.customer_email === email)
    expect(mine).toMatchObject({ status: "pending", legal_name: "Grace Collector" })

    expect((await admin("POST", `/admin/kyc/applications/${mine.id}/decision`, { decision: "rejected" })).json.message).toMatch(/note must say why/)
    expect((await admin("POST", `/admin/kyc/applications/${mine.id}/decision`, { decision: "maybe", note: "x" })).status).toBe(400)
    const rejected = await admin("POST", `/admin/kyc/applications/${mine.id}/decision`, { decision: "rejected", note: "Name does not match the document" })
    expect(rejected.status).toBe(200)
    expect(rejected.json.application.status).toBe("rejected")
    expect((await admin("POST", `/admin/kyc/applications/${mine.id}/decision`, { decision: "approved", note: "changed my mind" })).json.message).toMatch(/already rejected/)

    const seen = (await store("GET", "/store/customers/me/kyc", { token })).json.kyc
    expect(seen.status).toBe("rejected")
    expect(seen.decisions).toEqual([expect.objectContaining({ decision: "rejected", note: "Name does not match the document" })])
    expect(seen.decisions[0].decided_by).toBeUndefined()

    const again = await store("POST", "/store/customers/me/kyc", { token, body: { ...application, legal_name: "Grace A. Collector" } })
    expect(again.status).toBe(201)
    const second = again.json.kyc.application.id
    const approved = await admin("POST", `/admin/kyc/applications/${second}/decision`, { decision: "approved", note: "Passport checked" })
    expect(approved.json.application.status).toBe("approved")
    expect((await store("GET", "/store/customers/me/kyc", { token })).json.kyc.status).toBe("approved")
    expect((await store("POST", "/store/customers/me/kyc", { token, body: application })).json.message).toMatch(/already approved/)

    const revoked = await admin("POST", `/admin/kyc/applications/${second}/decision`, { decision: "revoked", note: "Sanctions list match" })
    expect(revoked.status).toBe(200)
    expect((await store("GET", "/store/customers/me/kyc", { token })).json.kyc.status).toBe("rejected")
    const history = (await admin("GET", `/admin/kyc/applications/${second}`)).json.application.decisions
    expect(history.map((d: any) => [d.decision, d.note])).toEqual([
      ["approved", "Passport checked"],
      ["revoked", "Sanctions list match"],
    ])
    for (const d of history) {
      expect(d.decided_by).toMatch(/^usr_/)
      expect(new Date(d.created_at).getTime()).toBeGreaterThan(0)
    }
  })

  it("one customer never sees another's application; public offering routes carry no personal data", async () => {
    const alice = await registerCustomer(unique())
    const bob = await registerCustomer(unique())
    await store("POST", "/store/customers/me/kyc", { token: alice, body: application })
    const bobs = await store("GET", "/store/customers/me/kyc", { token: bob })
    expect(bobs.json.kyc.application).toBeNull()
    expect(JSON.stringify(bobs.json)).not.toContain("Grace")
    const offerings = await store("GET", "/store/offerings")
    expect(JSON.stringify(offerings.json)).not.toMatch(/Grace|1985-06-30|Ada Shopper|legal_name/)
  })

  it("admin KYC routes need an admin", async () => {
    expect((await store("GET", "/admin/kyc/applications")).status).toBe(401)
    expect((await store("POST", "/admin/kyc/applications/kyc_x/decision", { body: { decision: "approved", note: "x" } })).status).toBe(401)
    expect((await admin("GET", "/admin/kyc/applications?status=weird")).status).toBe(400)
    expect((await admin("POST", "/admin/kyc/applications/kyc_nope/decision", { decision: "approved", note: "x" })).status).toBe(404)
  })
})

import { readServerEnv } from "../../config/env"
import { withSameSite } from "../admin-request-guard"

// The server tests run in development, where Medusa sets no SameSite at all; in production it
// sets SameSite=None with Secure, which is what an admin's browser would otherwise send cross-site.
const PRODUCTION_COOKIE = "connect.sid=s%3Aabc.def; Path=/; Expires=Sun, 06 Dec 2026 15:00:00 GMT; HttpOnly; Secure; SameSite=None"

describe("the admin's session cookie", () => {
  it("replaces Medusa's production SameSite=None, keeping Secure and HttpOnly", () => {
    const [cookie] = withSameSite([PRODUCTION_COOKIE], "strict")
    expect(cookie).toMatch(/; HttpOnly; Secure; SameSite=Strict$/)
    expect(cookie).not.toMatch(/SameSite=None/)
    expect(withSameSite(PRODUCTION_COOKIE, "lax")).toMatch(/Secure; SameSite=Lax$/)
  })

  it("leaves other cookies alone", () => {
    expect(withSameSite(["pva_region=us; Path=/"], "strict")).toEqual(["pva_region=us; Path=/"])
  })

  it("is strict unless ADMIN_COOKIE_SAMESITE says otherwise, and refuses a value it does not know", () => {
    expect(readServerEnv({}).adminCookieSameSite).toBe("strict")
    expect(readServerEnv({ ADMIN_COOKIE_SAMESITE: "Lax" }).adminCookieSameSite).toBe("lax")
    expect(() => readServerEnv({ ADMIN_COOKIE_SAMESITE: "relaxed" })).toThrow(/ADMIN_COOKIE_SAMESITE must be strict, lax or none, got "relaxed"/)
  })
})

/** @jest-environment node */
import { safeNextPath } from "../safe-redirect"

const SITE = "https://pvabazaar.org"

describe("the path a sign-in sends the visitor on to", () => {
  it.each([
    ["/account/portfolio", "/account/portfolio"],
    ["/offerings/off_123?tab=cap#buy", "/offerings/off_123?tab=cap#buy"],
    ["/claim?code=ABCD-EFGH", "/claim?code=ABCD-EFGH"],
    ["/a/../account/kyc", "/account/kyc"],
  ])("keeps a path on this site: %s", (next, expected) => {
    expect(safeNextPath(next, "/account", SITE)).toBe(expected)
  })

  it.each([
    "//evil.example",
    "//evil.example/account",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\\/evil.example",
    "\\/evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r\n/evil.example",
    "\t//evil.example",
    " //evil.example",
    "/.//evil.example",
    "/%2e//evil.example",
    "/./\\evil.example",
    "https://evil.example",
    "https://evil.example/account",
    "http://pvabazaar.org/account",
    "HTTPS://evil.example",
    "https:evil.example",
    "https:/evil.example",
    "javascript:alert(document.cookie)",
    "JaVaScRiPt:alert(1)",
    "\njavascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:victim@example.com",
    "evil.example",
    "account",
    "",
  ])("refuses %j and falls back", (next) => {
    expect(safeNextPath(next, "/account", SITE)).toBe("/account")
  })

  it.each(["%2F%2Fevil.example", "/%2F%2Fevil.example", "/%5Cevil.example", "/%09/evil.example"])(
    "never turns an encoded slash, backslash or tab into another host: %j",
    (next) => {
      const path = safeNextPath(next, "/account", SITE)
      expect(new URL(path, SITE).origin).toBe(SITE)
      expect(path).not.toMatch(/^\/[\\/]/)
    }
  )

  it.each([undefined, null, 42, ["/account"], { href: "/x" }])("falls back when next is not a string: %j", (next) => {
    expect(safeNextPath(next, "/account", SITE)).toBe("/account")
  })

  it("reads the same without the site's origin: only the path is ever returned", () => {
    expect(safeNextPath("/\\evil.example", "/account")).toBe("/account")
    expect(safeNextPath("/account/kyc?reason=required", "/account")).toBe("/account/kyc?reason=required")
  })
})

// What both storefronts' security-header tests check, on real responses and in Chromium.
import type { Page } from "playwright-core"

/** Content-Security-Policy violations on `page`: Chromium logs each one as a console error. */
export function recordCspViolations(page: Page): string[] {
  const violations: string[] = []
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
  })
  return violations
}

/**
 * Checks a storefront page's security headers (a production build) and returns the nonce of
 * its Content-Security-Policy.
 */
export function expectPageSecurityHeaders(res: Response, backendUrl: string): string {
  const csp = res.headers.get("content-security-policy") ?? ""
  const nonce = /'nonce-([A-Za-z0-9+/=]{16,})'/.exec(csp)?.[1]
  expect(nonce).toBeDefined()
  expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/)
  expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/)
  expect(csp).toMatch(new RegExp(`connect-src [^;]*${new URL(backendUrl).origin.replace(/[.]/g, "\\.")}`))
  expect(csp).not.toMatch(/script-src [^;]*'unsafe-inline'/)
  expectFileSecurityHeaders(res)
  // no-referrer on the pages whose address carries a token or a claim code.
  expect(["strict-origin-when-cross-origin", "no-referrer"]).toContain(res.headers.get("referrer-policy"))
  return nonce!
}

/** What every response of a production storefront carries, static files included. */
export function expectFileSecurityHeaders(res: Response) {
  expect(res.headers.get("x-content-type-options")).toBe("nosniff")
  expect(res.headers.get("x-frame-options")).toBe("DENY")
  expect(res.headers.get("strict-transport-security")).toMatch(/^max-age=\d{8}; includeSubDomains$/)
}

/** The `<script>` tags of `html` that do not carry `nonce`, and the first script file it loads. */
export function scriptsOf(html: string, nonce: string): { withoutNonce: string[]; firstFile: string | undefined } {
  const tags = html.match(/<script\b[^>]*>/g) ?? []
  return {
    withoutNonce: tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)),
    firstFile: tags.map((tag) => /src="([^"]+)"/.exec(tag)?.[1]).find(Boolean),
  }
}

/** `next` addresses a sign-in must never follow off the site (each points at evil.example). */
export const HOSTILE_NEXT = ["/%5Cevil.example", "/%09/evil.example", "/%5C/evil.example", "//evil.example", "https://evil.example/account"]

/** Every request `page` makes to evil.example, from now on. */
export function requestsOffSite(page: Page): string[] {
  const offSite: string[] = []
  page.on("request", (req) => {
    if (new URL(req.url()).hostname.endsWith("evil.example")) offSite.push(req.url())
  })
  return offSite
}

/** The page settles on `url` (after a sign-in) without having asked evil.example for anything. */
export async function expectLandedOn(page: Page, url: string, offSite: string[]) {
  await page.waitForURL(url)
  await page.waitForLoadState("networkidle")
  expect(page.url()).toBe(url)
  expect(offSite).toEqual([])
}

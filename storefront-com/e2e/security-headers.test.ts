import {
  expectFileSecurityHeaders, expectLandedOn, expectPageSecurityHeaders, HOSTILE_NEXT, recordCspViolations, requestsOffSite, scriptsOf,
} from "@pva/test-support/security-headers"
import { registerCustomer } from "@pva/test-support/store"
import { newPage, shop, unique, useBrowser } from "./support"

const browser = useBrowser()
const backend = () => process.env.PVA_TEST_SERVER_URL as string
const PAGES = ["/", "/store", "/products/malachite-fish", "/cart", "/quiz", "/account", "/order/lookup"]

describe("the shop's security headers", () => {
  it("gives every page a Content-Security-Policy with a fresh nonce that all its scripts carry", async () => {
    const nonces: string[] = []
    for (const path of PAGES) {
      const res = await fetch(`${shop()}${path}`)
      expect([path, res.status]).toEqual([path, 200])
      const nonce = expectPageSecurityHeaders(res, backend())
      const { withoutNonce, firstFile } = scriptsOf(await res.text(), nonce)
      expect([path, withoutNonce]).toEqual([path, []])
      expect(firstFile).toBeDefined()
      nonces.push(nonce)
    }
    expect(new Set(nonces).size).toBe(nonces.length)
  })

  it("sends nosniff, no framing and HSTS with its script files too", async () => {
    const { firstFile } = scriptsOf(await (await fetch(`${shop()}/`)).text(), "")
    const res = await fetch(new URL(firstFile!, shop()))
    expect(res.status).toBe(200)
    expectFileSecurityHeaders(res)
  })

  it("still works in Chromium with the policy on: no violation on the main pages, a product goes into the cart", async () => {
    const { context, page } = await newPage(browser())
    const violations = recordCspViolations(page)
    for (const path of PAGES) {
      await page.goto(`${shop()}${path}`)
      await page.waitForLoadState("networkidle")
    }
    await page.goto(`${shop()}/products/malachite-fish`)
    await page.getByRole("button", { name: "Add to cart" }).click()
    await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
    await page.getByRole("link", { name: "Cart, 1 item" }).click()
    await page.getByTestId("cart-item").filter({ hasText: "Malachite Fish" }).waitFor()
    await page.waitForLoadState("networkidle")
    expect(violations).toEqual([])
    await context.close()
  })

  /** A new customer signs in on /account?next=`next`. */
  async function signInWithNext(next: string) {
    const email = `next-${unique()}@example.com`
    await registerCustomer(email, "correct-horse-battery")
    const { context, page } = await newPage(browser())
    const offSite = requestsOffSite(page)
    await page.goto(`${shop()}/account?next=${next}`)
    await page.getByLabel("Email", { exact: true }).first().fill(email)
    await page.getByLabel("Password", { exact: true }).first().fill("correct-horse-battery")
    await page.getByRole("button", { name: "Log in" }).click()
    return { context, page, offSite }
  }

  it.each(HOSTILE_NEXT)("keeps a shopper who signs in from /account?next=%s on the shop", async (next) => {
    const { context, page, offSite } = await signInWithNext(next)
    await page.getByRole("heading", { name: "Hello, Test" }).waitFor()
    await expectLandedOn(page, `${shop()}/account`, offSite)
    await context.close()
  })

  it("sends a shopper who signs in from /account?next=/cart on to their cart", async () => {
    const { context, page, offSite } = await signInWithNext("/cart")
    await expectLandedOn(page, `${shop()}/cart`, offSite)
    await context.close()
  })
})

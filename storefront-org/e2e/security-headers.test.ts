import { generatePrivateKey } from "viem/accounts"
import {
  expectFileSecurityHeaders, expectLandedOn, expectPageSecurityHeaders, HOSTILE_NEXT, recordCspViolations, requestsOffSite, scriptsOf,
} from "@pva/test-support/security-headers"
import { registerCustomer } from "@pva/test-support/store"
import { installBrowserWallet } from "./browser-wallet"
import { chainUrl, newPage, signIn, site, unique, useBrowser } from "./support"

const browser = useBrowser()
const backend = () => process.env.PVA_TEST_SERVER_URL as string
const PASSWORD = "correct-horse-battery"
const PAGES = ["/", "/artifacts", "/offerings", "/claim", "/account", "/market"]

describe("pvabazaar.org's security headers", () => {
  it("gives every page a Content-Security-Policy with a fresh nonce that all its scripts carry, and lets the wallet reach the chain", async () => {
    const nonces: string[] = []
    for (const path of PAGES) {
      const res = await fetch(`${site()}${path}`)
      expect([path, res.status]).toEqual([path, 200])
      const nonce = expectPageSecurityHeaders(res, backend())
      expect(res.headers.get("content-security-policy")).toMatch(new RegExp(`connect-src [^;]*${new URL(chainUrl()).origin.replace(/[.]/g, "\\.")}`))
      const { withoutNonce, firstFile } = scriptsOf(await res.text(), nonce)
      expect([path, withoutNonce]).toEqual([path, []])
      expect(firstFile).toBeDefined()
      nonces.push(nonce)
    }
    expect(new Set(nonces).size).toBe(nonces.length)

    const { firstFile } = scriptsOf(await (await fetch(`${site()}/`)).text(), "")
    const file = await fetch(new URL(firstFile!, site()))
    expect(file.status).toBe(200)
    expectFileSecurityHeaders(file)
  })

  it("still works in Chromium with the policy on: no violation on the main pages, signed in, with the wallet offered", async () => {
    const email = `csp-${unique()}@example.com`
    await registerCustomer(email, PASSWORD)
    const { context, page } = await newPage(browser())
    await installBrowserWallet(context, { privateKey: generatePrivateKey(), rpcUrl: chainUrl() })
    const violations = recordCspViolations(page)
    for (const path of PAGES) {
      await page.goto(`${site()}${path}`)
      await page.waitForLoadState("networkidle")
    }
    await page.goto(`${site()}/offerings`)
    await page.getByRole("link", { name: /Imperial Emerald/ }).first().click()
    await page.waitForURL(/\/offerings\/[^/?]+$/)
    await page.waitForLoadState("networkidle")
    await page.goto(`${site()}/account`)
    await signIn(page, email, PASSWORD)
    await page.getByTestId("profile").waitFor()
    // thirdweb's wallet code loads on demand: the policy lets it in and it finds the wallet.
    await page.getByRole("button", { name: "Link a wallet" }).click()
    await page.getByRole("button", { name: "Connect PVA Test Wallet" }).waitFor()
    await page.waitForLoadState("networkidle")
    expect(violations).toEqual([])
    await context.close()
  })
})

describe("signing in with a next address", () => {
  /** A new collector signs in on /account?next=`next`. */
  async function signInWithNext(next: string) {
    const email = `next-${unique()}@example.com`
    await registerCustomer(email, PASSWORD)
    const { context, page } = await newPage(browser())
    const offSite = requestsOffSite(page)
    await page.goto(`${site()}/account?next=${next}`)
    await signIn(page, email, PASSWORD)
    return { context, page, offSite }
  }

  it.each(HOSTILE_NEXT)("keeps a collector who signs in from /account?next=%s on the site", async (next) => {
    const { context, page, offSite } = await signInWithNext(next)
    await page.getByTestId("profile").waitFor()
    await expectLandedOn(page, `${site()}/account`, offSite)
    await context.close()
  })

  it("sends a collector who signs in from /account?next=/offerings on to the offerings", async () => {
    const { context, page, offSite } = await signInWithNext("/offerings")
    await expectLandedOn(page, `${site()}/offerings`, offSite)
    await context.close()
  })
})

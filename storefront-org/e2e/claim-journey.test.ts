import type { Page } from "playwright-core"
import { generatePrivateKey } from "viem/accounts"
import { nthEmailTo } from "@pva/test-support/email"
import { adminToken, http, productByHandle, readyCart, registerCustomer, storeClient } from "@pva/test-support/store"
import { placeOrder, registerInBrowser, shop } from "../../storefront-com/e2e/support"
import { installBrowserWallet } from "./browser-wallet"
import { chainUrl, newPage, shot, signIn, unique, useBrowser } from "./support"

// Flow 2: the pendant bought on pvabazaar.com in the browser, its claim email read from the
// outbox, then the claim on .org. Each site gets its own browser profile, as two domains would:
// both run on 127.0.0.1 here, and cookies do not tell ports apart.

const PASSWORD = "correct-horse-battery"
const PENDANT = "amradjet-emerald-pendant"
// One wallet per account. Relaying needs no gas: a fresh key. Minting it yourself does: Hardhat's
// funded dev keys #4 and #5 (#0 deploys, #1 is the server's minter, the seed links others).
const COLLECTOR_KEYS = {
  relay: generatePrivateKey(),
  self: "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
  refusals: "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba",
} as const

const browser = useBrowser()

async function claimLinkEmailedTo(email: string): Promise<string> {
  const claimEmail = await nthEmailTo(email, "digital_twin.claim_code", 1, undefined, 30_000)
  const link = claimEmail.text.match(/https?:\/\/\S+\/claim\?code=[a-z2-7]+/i)
  expect(link).not.toBeNull()
  return link![0]
}

/** On pvabazaar.com: a new customer registers, puts the pendant (it comes with a twin) in the cart and checks out. */
async function buyPendantOnShop(name: string) {
  const email = `${name}-${unique()}@example.com`
  const { context, page } = await newPage(browser())
  await registerInBrowser(page, { first: "Ada", last: "Collector", email, password: PASSWORD })
  await page.goto(`${shop()}/products/${PENDANT}`)
  await page.getByText("Includes a digital twin").waitFor()
  await shot(page, `${name}-com-product`)
  await page.getByRole("button", { name: "Add to cart" }).click()
  await page.getByRole("status").filter({ hasText: "Added to your cart." }).waitFor()
  await page.getByRole("link", { name: "Cart, 1 item" }).click()
  await page.getByTestId("cart-item").filter({ hasText: "Amradjet Emerald Pendant" }).waitFor()
  await shot(page, `${name}-com-cart`)
  await page.getByRole("link", { name: "Check out" }).click()
  await placeOrder(page, { Email: email, "First name": "Ada", "Last name": "Collector" }, () => shot(page, `${name}-com-review`))
  await shot(page, `${name}-com-order-placed`)
  await context.close()
  return { email, link: await claimLinkEmailedTo(email) }
}

/** The same purchase through the .com channel's store API, for journeys about what comes after. */
async function buyPendantThroughApi(label: string) {
  const email = `${label}-${unique()}@example.com`
  const token = await registerCustomer(email, PASSWORD)
  const client = storeClient("com", { token })
  const pendant = await productByHandle(client, PENDANT)
  const cartId = await readyCart(client, { variantId: pendant.variants[0].id, email })
  const placed: any = await client.carts.complete(cartId)
  expect(placed.type).toBe("order")
  return { email, token, link: await claimLinkEmailedTo(email) }
}

/** Waits for `testId`; when it never comes, says what the page showed instead. */
async function expectShown(page: Page, testId: string, name: string) {
  try {
    await page.getByTestId(testId).waitFor({ timeout: 60_000 })
  } catch (err) {
    await shot(page, `${name}-failed`)
    const alerts = await page.locator('[role="alert"], [aria-live]').allTextContents()
    throw new Error(`${testId} not shown; the page said: ${JSON.stringify(alerts)}\n${(err as Error).message}`)
  }
}

async function claimInBrowser(page: Page, mode: "relay" | "self", name: string) {
  await page.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
  await expectShown(page, "wallet-proven", name)
  await shot(page, `${name}-wallet-proven`)
  await page.getByLabel(mode === "self" ? /Mint it myself/ : /Mint it for me/).check()
  await page.getByRole("button", { name: "Claim the twin" }).click()
  await expectShown(page, "claim-progress", `${name}-claim`)
  await shot(page, `${name}-claim-status`)
  await page.waitForURL(/\/artifacts\/\d+$/, { timeout: 60_000 })
}

describe.each(["relay", "self"] as const)("claiming the pendant's twin (%s)", (mode) => {
  it("bought on pvabazaar.com → claim email → claim link → sign in → connect → SIWE → claim → the artifact's timeline shows the mint", async () => {
    const { email, link } = await buyPendantOnShop(`claim-${mode}`)
    const { context, page } = await newPage(browser())
    const wallet = await installBrowserWallet(context, { privateKey: COLLECTOR_KEYS[mode], rpcUrl: chainUrl() })
    await page.goto(link)
    await shot(page, `claim-${mode}-sign-in`)
    await signIn(page, email, PASSWORD)
    await page.getByRole("button", { name: "Connect PVA Test Wallet" }).waitFor()
    await expect(page.getByLabel("Claim code (from your email)").inputValue()).resolves.toBe(new URL(link).searchParams.get("code"))
    await claimInBrowser(page, mode, `claim-${mode}`)

    const minted = page.locator('li[data-kind="minted"]')
    await minted.waitFor()
    await expect(minted.getByRole("link", { name: /Transaction 0x/ }).getAttribute("href")).resolves.toMatch(/^\/tx\/0x[0-9a-f]{64}$/)
    await expect(page.getByTestId("owner").textContent()).resolves.toBe(wallet.address)
    await expect(page.getByTestId("cid-check").textContent()).resolves.toBe("Verified: the metadata bytes hash to this CID.")
    // Self-minting sent the transaction from the collector's wallet; relaying did not.
    expect(wallet.state.requests.includes("eth_sendTransaction")).toBe(mode === "self")
    await shot(page, `claim-${mode}-artifact-timeline`)

    // The emailed link again: its code is spent, and the page says so.
    await page.goto(link)
    await page.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
    await expectShown(page, "wallet-proven", `claim-${mode}-used`)
    await page.getByRole("button", { name: "Claim the twin" }).click()
    await page.getByTestId("claim-error").filter({ hasText: "This twin is already minted: its code has been used." }).waitFor()
    await shot(page, `claim-${mode}-used-code`)
    await context.close()
  })
})

describe("what a collector is told when a claim cannot go on", () => {
  it("a rejected signature, a wallet on the wrong chain, a wrong code and a revoked code each get a clear message", async () => {
    const { email, token, link } = await buyPendantThroughApi("claim-refusals")
    const { context, page } = await newPage(browser())
    const wallet = await installBrowserWallet(context, { privateKey: COLLECTOR_KEYS.refusals, rpcUrl: chainUrl(), chainId: 1, rejectSignatures: true })
    await page.goto(link)
    await signIn(page, email, PASSWORD)
    await page.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
    await page.getByText(/Your wallet is on chain 1; PVA twins live on/).waitFor()
    await shot(page, "claim-wrong-chain")
    await page.getByRole("button", { name: /Switch to/ }).click()
    await page.getByTestId("wallet-error").filter({ hasText: "You rejected the request in your wallet. Nothing was signed or sent." }).waitFor()
    await shot(page, "claim-rejected-signature")

    wallet.state.rejectSignatures = false
    await page.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
    await expectShown(page, "wallet-proven", "claim-refusals")
    await page.getByLabel("Claim code (from your email)").fill("a".repeat(26))
    await page.getByLabel(/Mint it for me/).check()
    await page.getByRole("button", { name: "Claim the twin" }).click()
    await page.getByTestId("claim-error").filter({ hasText: /This claim code is not valid: check it against your email/ }).waitFor()
    await shot(page, "claim-wrong-code")

    // The shop revokes the emailed code (as when it re-sends one): the link stops working.
    const owned = await http("GET", "/store/customers/me/twins", { channel: "org", headers: { authorization: `Bearer ${token}` } })
    const [twin] = owned.json.twins
    const revoked = await http("DELETE", `/admin/twins/${twin.id}/claim-code`, { headers: { authorization: `Bearer ${await adminToken()}` } })
    expect(revoked.json).toEqual({ revoked: 1 })
    await page.goto(link)
    await page.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
    await expectShown(page, "wallet-proven", "claim-refusals-revoked")
    await page.getByLabel(/Mint it for me/).check()
    await page.getByRole("button", { name: "Claim the twin" }).click()
    await page.getByTestId("claim-error").filter({ hasText: /This claim code is not valid: check it against your email/ }).waitFor()
    await shot(page, "claim-revoked-code")
    await context.close()
  })
})

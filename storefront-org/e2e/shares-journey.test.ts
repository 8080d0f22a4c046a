import { pvaSharesAbi } from "@pva/contracts"
import type { Page } from "playwright-core"
import { createTestClient, createWalletClient, http, parseEther } from "viem"
import { hardhat } from "viem/chains"
import { approvedBuyer, openOffering, testChain } from "../../plugins/medusa-plugin-fractional/test-support/fractional"
import { chainUrl, newPage, shot, signIn, site, useBrowser } from "./support"

// Flow 3 in the browser: KYC-approved collectors (approved through the admin API, wallet linked
// by SIWE) buy shares on .org; the portfolio, the chain and the store agree.

const PASSWORD = "correct-horse-battery" // registerCustomer's default
const browser = useBrowser()
const testClient = () => createTestClient({ mode: "hardhat", chain: hardhat, transport: http(chainUrl()) })

let buyer: Awaited<ReturnType<typeof approvedBuyer>>
let second: Awaited<ReturnType<typeof approvedBuyer>>
let offering: any

beforeAll(async () => {
  buyer = await approvedBuyer("shares-collector")
  second = await approvedBuyer("shares-second")
  offering = await openOffering({ total_shares: 100, investor_cap: 20 })
})

async function signedInPage(who: { email: string }) {
  const { context, page } = await newPage(browser())
  await page.goto(`${site()}/account`)
  await signIn(page, who.email, PASSWORD)
  await page.getByTestId("profile").waitFor()
  return { context, page }
}

async function holding(page: Page, offeringId: string) {
  await page.goto(`${site()}/account/portfolio`)
  const row = page.getByTestId(`holding-${offeringId}`)
  if ((await row.count()) === 0) return { confirmed: 0, pending: 0 }
  return { confirmed: Number(await row.getByTestId("confirmed").textContent()), pending: Number(await row.getByTestId("pending").textContent()) }
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

describe("buying shares", () => {
  it("13 shares: pending in the portfolio, then confirmed; the on-chain balance equals it", async () => {
    const { context, page } = await signedInPage(buyer)
    await page.goto(`${site()}/offerings/${offering.id}`)
    await page.getByTestId("your-cap").filter({ hasText: /^20$/ }).waitFor()
    await page.getByLabel("Number of shares").fill("13")
    await page.getByRole("button", { name: "Buy shares" }).click()
    await page.waitForURL(/\/checkout$/)
    // Shares are securities: the checkout's tax line names the exemption, and nothing is added.
    await page.getByRole("rowheader", { name: "Securities: no sales tax or VAT" }).waitFor()
    await expect(page.getByTestId("total-taxes").textContent()).resolves.toBe("$0.00")
    await expect(page.getByTestId("total-total").textContent()).resolves.toBe("$81.25")
    await page.getByLabel("Street address").fill("1 Market Street")
    await page.getByLabel("City").fill("San Francisco")
    await page.getByLabel("State / province").fill("CA")
    await page.getByLabel("Postal code").fill("94105")
    await shot(page, "shares-checkout")
    // Blocks wait until the test mines one, so the pending state can be seen before the mint lands.
    await testClient().setAutomine(false)
    try {
      await page.getByRole("button", { name: "Place order" }).click()
      await page.waitForURL(/\/order\/order_/)
      await page.getByTestId("shares-state").filter({ hasText: /^pending \(13 pending, 0 confirmed\)$/ }).waitFor()
      await shot(page, "shares-order-pending")
      await expect(holding(page, offering.id)).resolves.toEqual({ confirmed: 0, pending: 13 })
      await shot(page, "shares-portfolio-pending")
    } finally {
      await testClient().setAutomine(true)
      await testClient().mine({ blocks: 1 })
    }
    await until(async () => (await holding(page, offering.id)).confirmed === 13, "chain sync to confirm the shares")
    await expect(holding(page, offering.id)).resolves.toEqual({ confirmed: 13, pending: 0 })
    await expect(page.getByTestId("total-value").textContent()).resolves.toBe("$81.25")
    await shot(page, "shares-portfolio-confirmed")
    expect(await testChain().balanceOf(buyer.wallet, offering.chain_offering_id)).toBe(13)
    await context.close()
  })

  it("a buyer asking for more than remain is told how many remain", async () => {
    const { context, page } = await signedInPage(second)
    await page.goto(`${site()}/offerings/${offering.id}`)
    await expect(page.getByTestId("remaining-count").textContent()).resolves.toBe("87")
    await page.getByLabel("Number of shares").fill("88")
    await page.getByRole("button", { name: "Buy shares" }).click()
    await page.locator('p[role="alert"]').filter({ hasText: /^Only 87 shares are left\.$/ }).waitFor()
    await shot(page, "shares-more-than-remain")
    await context.close()
  })

  it("a transfer made on chain shows up on both portfolios", async () => {
    await testClient().setBalance({ address: buyer.wallet, value: parseEther("1") })
    const wallet = createWalletClient({ account: buyer.account, chain: hardhat, transport: http(chainUrl()) })
    const hash = await wallet.writeContract({
      address: testChain().shares,
      abi: pvaSharesAbi,
      functionName: "safeTransferFrom",
      args: [buyer.wallet, second.wallet, BigInt(offering.chain_offering_id), 3n, "0x"],
    } as any)
    await testChain().publicClient.waitForTransactionReceipt({ hash })
    const sellerPage = await signedInPage(buyer)
    await until(async () => (await holding(sellerPage.page, offering.id)).confirmed === 10, "the seller's portfolio")
    await shot(sellerPage.page, "transfer-seller-portfolio")
    const receiverPage = await signedInPage(second)
    await until(async () => (await holding(receiverPage.page, offering.id)).confirmed === 3, "the receiver's portfolio")
    await shot(receiverPage.page, "transfer-receiver-portfolio")
    await sellerPage.context.close()
    await receiverPage.context.close()
  })
})

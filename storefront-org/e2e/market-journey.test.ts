import type { Page } from "playwright-core"
import { parseEther, type Address } from "viem"
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts"
import { recordCspViolations } from "@pva/test-support/security-headers"
import { registerCustomer } from "@pva/test-support/store"
import { installBrowserWallet } from "./browser-wallet"
import { marketChain, payout, type MarketChain, type TestWallet } from "./market-chain"
import { chainUrl, newPage, shot, signIn, site, unique, useBrowser } from "./support"

// The market in Chromium with injected wallets, against the real chain and the store following it.
// The four journeys share one seller, so only the first listing asks for the market's approval
// ("approve once"); each has its own buyers and bidders so balances are the journey's own.

const browser = useBrowser()
const ROYALTY_BPS = 500
const PASSWORD = "correct-horse-battery"
let chain: MarketChain
let seller: TestWallet
let feeBps: number
let feeRecipient: Address
const violationsByPage: string[][] = []

beforeAll(async () => {
  chain = marketChain(chainUrl(), process.env.PVA_TEST_DEPLOYMENTS_DIR as string)
  seller = await chain.fundedWallet()
  feeBps = await chain.feeBps()
  feeRecipient = await chain.feeRecipient()
})

afterAll(() => {
  // Every page the journeys opened ran under the site's Content-Security-Policy without a violation.
  expect(violationsByPage.flat()).toEqual([])
})

const artisan = () => privateKeyToAccount(generatePrivateKey()).address

/** A browser profile with `wallet` injected, its CSP violations recorded. */
async function walletPage(wallet: TestWallet): Promise<Page> {
  const { context, page } = await newPage(browser())
  await installBrowserWallet(context, { privateKey: wallet.privateKey, rpcUrl: chainUrl() })
  violationsByPage.push(recordCspViolations(page))
  return page
}

async function connect(page: Page) {
  await page.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
  await page.getByTestId("wallet-connected").waitFor()
}

/** Waits for the transaction the page sent to be confirmed (and followed by the store); fails with what the page said otherwise. */
async function confirmed(page: Page, name: string) {
  const outcome = page.getByTestId("market-tx-done").or(page.getByTestId("market-error")).first()
  await outcome.waitFor({ timeout: 60_000 })
  await shot(page, name)
  if ((await outcome.getAttribute("data-testid")) === "market-error") throw new Error(`${name}: ${await outcome.textContent()}`)
}

/** The seller lists twin `tokenId` through the sell page; answers the new listing's id. */
async function listTwin(tokenId: bigint, fill: (page: Page) => Promise<void>, name: string): Promise<string> {
  const page = await walletPage(seller)
  await page.goto(`${site()}/market/sell?asset=twin&token_id=${tokenId}`)
  await connect(page)
  const approved = page.getByTestId("market-approved")
  const approve = page.getByRole("button", { name: "Approve the market" })
  await approved.or(approve).first().waitFor()
  if (await approve.isVisible()) {
    await approve.click()
    await approved.waitFor({ timeout: 60_000 })
  }
  await fill(page)
  await shot(page, `${name}-sell-form`)
  await page.getByRole("button", { name: "List it" }).click()
  await page.waitForURL(/\/market\/\d+$/, { timeout: 60_000 })
  const id = new URL(page.url()).pathname.split("/").pop() as string
  await page.context().close()
  return id
}

describe("the pvabazaar.org market", () => {
  it("a twin listed at a fixed price is bought from a second wallet; the artisan's royalty and the platform fee arrive on chain", async () => {
    const royaltyReceiver = artisan()
    const tokenId = await chain.mintTwin(seller.address, { receiver: royaltyReceiver, bps: ROYALTY_BPS })
    const listingId = await listTwin(tokenId, async (page) => {
      await page.getByLabel("Fixed price").check()
      await page.getByLabel("Price (ETH)").fill("1.5")
    }, "fixed")

    // The grid shows it (server-rendered, filter by sale type in the URL).
    const buyer = await chain.fundedWallet()
    const page = await walletPage(buyer)
    await page.goto(`${site()}/market?kind=fixed&sort=newest`)
    const card = page.getByTestId("listing-card").filter({ has: page.locator(`a[href="/market/${listingId}"]`) })
    await card.getByTestId("listing-price").filter({ hasText: "1.5 ETH" }).waitFor()
    await shot(page, "fixed-market-grid")
    await card.getByRole("link").first().click()
    await page.waitForURL(new RegExp(`/market/${listingId}$`))
    await page.getByTestId("provenance-link").waitFor()

    const before = { seller: await chain.balance(seller.address), fee: await chain.balance(feeRecipient), royalty: await chain.balance(royaltyReceiver) }
    await connect(page)
    await page.getByRole("button", { name: "Buy now for 1.5 ETH" }).click()
    await confirmed(page, "fixed-bought")

    const expected = payout(parseEther("1.5"), ROYALTY_BPS, feeBps)
    expect(await chain.ownerOf(tokenId)).toBe(buyer.address)
    expect((await chain.balance(royaltyReceiver)) - before.royalty).toBe(expected.royalty)
    expect((await chain.balance(feeRecipient)) - before.fee).toBe(expected.fee)
    expect((await chain.balance(seller.address)) - before.seller).toBe(expected.seller)
    await page.reload()
    await page.getByTestId("listing-status").filter({ hasText: /sold/i }).waitFor()
    await page.context().close()
  })

  it("an English auction: two bidders, an outbid refunded by withdrawal, a last-minute bid extending the end, then settlement", async () => {
    const tokenId = await chain.mintTwin(seller.address, { receiver: artisan(), bps: ROYALTY_BPS })
    const listingId = await listTwin(tokenId, async (page) => {
      await page.getByLabel(/English auction/).check()
      await page.getByLabel("Reserve price (ETH)").fill("1")
      await page.getByLabel("Minimum raise per bid (%)").fill("5")
      await page.getByLabel(/A late bid extends the end by/).fill("10")
      await page.getByLabel(/Bidding time after the first bid/).fill("1")
    }, "english")
    const url = `${site()}/market/${listingId}`
    const [alice, bob] = [await chain.fundedWallet(), await chain.fundedWallet()]

    // Alice opens the auction at the reserve: its clock starts.
    const a = await walletPage(alice)
    await a.goto(url)
    await connect(a)
    await a.getByLabel("Your bid (ETH)").fill("1")
    await a.getByRole("button", { name: "Place bid" }).click()
    await confirmed(a, "english-first-bid")
    await a.getByTestId("bid").first().waitFor()

    // Bob outbids her by the minimum raise, which the page offers him.
    const b = await walletPage(bob)
    await b.goto(url)
    await b.getByTestId("min-next-bid").filter({ hasText: "1.05 ETH" }).waitFor()
    await connect(b)
    await b.getByRole("button", { name: "Place bid" }).click()
    await confirmed(b, "english-outbid")
    expect(await chain.withdrawable(alice.address)).toBe(parseEther("1"))

    // Alice is told the market holds her bid, and takes it back.
    await a.reload()
    await connect(a)
    await a.getByTestId("refund").filter({ hasText: "1 ETH" }).waitFor()
    await a.getByRole("button", { name: "Withdraw", exact: true }).click()
    await a.getByTestId("refund").waitFor({ state: "detached", timeout: 60_000 })
    expect(await chain.withdrawable(alice.address)).toBe(0n)

    // Five minutes before the end, Alice bids again: the end moves to ten minutes from her bid.
    const { endTime } = await chain.listing(BigInt(listingId))
    await chain.increaseTime(endTime - (await chain.latestTimestamp()) - 300n)
    await a.reload()
    await connect(a)
    await a.getByLabel("Your bid (ETH)").fill("1.2")
    await a.getByRole("button", { name: "Place bid" }).click()
    await confirmed(a, "english-sniping-bid")
    const extended = await chain.listing(BigInt(listingId))
    expect(extended.endTime).toBeGreaterThan(endTime)
    expect(extended.endTime - (await chain.latestTimestamp())).toBeLessThanOrEqual(600n)
    await a.reload()
    await a.getByTestId("bid-history").waitFor()
    expect(await a.getByTestId("bid").count()).toBe(3)
    await a.getByTestId("highest-bid").filter({ hasText: "1.2 ETH" }).waitFor()

    // After the extended end, Bob (anyone may) settles: the twin goes to Alice.
    await chain.increaseTime(extended.endTime - (await chain.latestTimestamp()) + 1n)
    const sellerBefore = await chain.balance(seller.address)
    await b.reload()
    await connect(b)
    await b.getByRole("button", { name: "Settle the auction" }).click()
    await confirmed(b, "english-settled")
    expect(await chain.ownerOf(tokenId)).toBe(alice.address)
    expect((await chain.balance(seller.address)) - sellerBefore).toBe(payout(parseEther("1.2"), ROYALTY_BPS, feeBps).seller)
    expect(await chain.withdrawable(bob.address)).toBe(parseEther("1.05"))

    // Alice links her wallet to her account: "my bids" lists both of hers, the winning one first.
    const email = `market-bidder-${unique()}@example.com`
    await registerCustomer(email, PASSWORD)
    await a.goto(`${site()}/account`)
    await signIn(a, email, PASSWORD)
    await a.getByRole("button", { name: "Link a wallet" }).click()
    await a.getByRole("button", { name: "Connect PVA Test Wallet" }).click()
    await a.getByTestId("wallets").filter({ hasText: new RegExp(alice.address, "i") }).waitFor({ timeout: 60_000 })
    await a.goto(`${site()}/market/mine`)
    const myBids = a.getByTestId("my-bids").locator("tbody tr")
    await myBids.first().waitFor()
    await shot(a, "english-my-bids")
    expect(await myBids.count()).toBe(2)
    await expect(myBids.first().textContent()).resolves.toMatch(/1\.2 ETH.*Highest bid/)
    await expect(myBids.nth(1).textContent()).resolves.toMatch(/1 ETH.*Outbid/)
    await a.context().close()
    await b.context().close()
  })

  it("a Dutch auction bought halfway down its schedule, at the chain's price then", async () => {
    const tokenId = await chain.mintTwin(seller.address)
    const listingId = await listTwin(tokenId, async (page) => {
      await page.getByLabel(/Dutch auction/).check()
      await page.getByLabel("Start price (ETH)").fill("3")
      await page.getByLabel("Floor price (ETH)").fill("0.5")
      await page.getByLabel(/Time to fall to the floor/).fill("1")
    }, "dutch")
    await chain.increaseTime(1800)

    const buyer = await chain.fundedWallet()
    const page = await walletPage(buyer)
    await page.goto(`${site()}/market/${listingId}`)
    await connect(page)
    const sellerBefore = await chain.balance(seller.address)
    await page.getByRole("button", { name: /^Buy now for 1\.7\d* ETH$/ }).click()
    await confirmed(page, "dutch-bought")
    expect(await chain.ownerOf(tokenId)).toBe(buyer.address)
    // No royalty on this twin: the seller got the price less the fee; halfway down, about 1.75 ETH.
    const received = (await chain.balance(seller.address)) - sellerBefore
    const price = (received * 10_000n) / BigInt(10_000 - feeBps)
    expect(price).toBeLessThanOrEqual(parseEther("1.75"))
    expect(price).toBeGreaterThan(parseEther("1.7"))
    await page.context().close()
  })

  it("an offer on a listed twin, accepted by its holder: the twin moves and the royalty and fee are paid from the offer", async () => {
    const royaltyReceiver = artisan()
    const tokenId = await chain.mintTwin(seller.address, { receiver: royaltyReceiver, bps: ROYALTY_BPS })
    const listingId = await listTwin(tokenId, async (page) => {
      await page.getByLabel("Fixed price").check()
      await page.getByLabel("Price (ETH)").fill("5")
    }, "offer")
    const url = `${site()}/market/${listingId}`

    const bidder = await chain.fundedWallet()
    const b = await walletPage(bidder)
    await b.goto(url)
    await connect(b)
    await b.getByLabel("Offer (ETH)").fill("0.8")
    await b.getByLabel("Valid for (days)").fill("7")
    await b.getByRole("button", { name: "Make an offer" }).click()
    await confirmed(b, "offer-made")
    await b.getByTestId("offer").filter({ hasText: "0.8 ETH" }).waitFor()

    const before = { fee: await chain.balance(feeRecipient), royalty: await chain.balance(royaltyReceiver) }
    const s = await walletPage(seller)
    await s.goto(url)
    await connect(s)
    await s.getByTestId("offer").filter({ hasText: "0.8 ETH" }).getByRole("button", { name: "Accept" }).click()
    await confirmed(s, "offer-accepted")
    const expected = payout(parseEther("0.8"), ROYALTY_BPS, feeBps)
    expect(await chain.ownerOf(tokenId)).toBe(bidder.address)
    expect((await chain.balance(royaltyReceiver)) - before.royalty).toBe(expected.royalty)
    expect((await chain.balance(feeRecipient)) - before.fee).toBe(expected.fee)
    await b.context().close()
    await s.context().close()
  })
})

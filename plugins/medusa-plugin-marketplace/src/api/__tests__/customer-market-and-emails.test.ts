// A customer's own side of the market and what the market tells them: their listings, bids and
// offers through their linked wallets only (never another customer's; none without a session),
// emails for outbid, auction won, item sold, offer received and auction ending soon, each in
// the outbox once, and the admin's pause (refused while the server's key lacks the role).
import { pvaMarketAbi, roles } from "@pva/contracts"
import { adminToken } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"
import { parseEther } from "viem"
import { privateKeyToAccount } from "viem/accounts"
import { SERVER_KEY } from "../../../../medusa-plugin-digital-twin/test-support/twin-stack"
import {
  MARKET_AUCTION_ENDING_SOON_EMAIL,
  MARKET_AUCTION_WON_EMAIL,
  MARKET_ITEM_SOLD_EMAIL,
  MARKET_OFFER_RECEIVED_EMAIL,
  MARKET_OUTBID_EMAIL,
} from "../../lib/events"
import { startMarketStack, type Collector, type MarketStack } from "../../../test-support/market-stack"

let stack: MarketStack
let alice: Collector
let bob: Collector
let carol: Collector
let auctionId: bigint
let offerId: bigint

beforeAll(async () => {
  stack = await startMarketStack()
  ;[alice, bob, carol] = [await stack.collector("alice"), await stack.collector("bob"), await stack.collector("carol")]
  const [auctioned, offered] = [await stack.mintTwin(alice.address), await stack.mintTwin(alice.address)]
  await alice.market.approveAll()
  auctionId = await alice.market.createAuction(auctioned, parseEther("1"), 15 * 60)
  await bob.market.bid(auctionId, parseEther("1"))
  await carol.market.bid(auctionId, parseEther("1.5"))
  offerId = await bob.market.makeOffer(offered, parseEther("0.4"))
  await stack.waitForListing(auctionId, "both bids", (l) => l.bid_count === 2)
  await waitFor(async () => (await stack.api("GET", "/store/market/offers")).json.offers.length === 1, 20_000, "the offer")
}, 400_000)
afterAll(async () => {
  await stack?.stop()
})

const outbox = (to: string, event: string) => stack.sql<{ subject: string; text: string }>(`SELECT subject, text FROM email_outbox WHERE "to" = $1 AND event_name = $2`, [to, event])

describe("a customer's own market", () => {
  it("sees their listings, bids and offers, made and received, through their linked wallets", async () => {
    const listings = await stack.api("GET", "/store/customers/me/market/listings", { token: alice.token })
    expect(listings.status).toBe(200)
    expect(listings.json.listings.map((l: { id: string }) => l.id)).toEqual([String(auctionId)])
    const bids = await stack.api("GET", "/store/customers/me/market/bids", { token: bob.token })
    expect(bids.json.bids).toEqual([expect.objectContaining({ listing_id: String(auctionId), amount: parseEther("1").toString(), is_highest: false })])
    const carolBids = await stack.api("GET", "/store/customers/me/market/bids", { token: carol.token })
    expect(carolBids.json.bids).toEqual([expect.objectContaining({ amount: parseEther("1.5").toString(), is_highest: true })])
    const bobOffers = await stack.api("GET", "/store/customers/me/market/offers", { token: bob.token })
    expect(bobOffers.json.made.map((o: { id: string }) => o.id)).toEqual([String(offerId)])
    expect(bobOffers.json.received).toEqual([])
    const aliceOffers = await stack.api("GET", "/store/customers/me/market/offers", { token: alice.token })
    expect(aliceOffers.json.received.map((o: { id: string }) => o.id)).toEqual([String(offerId)])
    expect(aliceOffers.json.made).toEqual([])
  })

  it("never shows another customer's bids or offers, and asks for a session", async () => {
    const carolSees = await stack.api("GET", "/store/customers/me/market/bids", { token: carol.token })
    expect(carolSees.json.bids.map((b: { bidder: string }) => b.bidder)).toEqual([carol.address.toLowerCase()])
    const carolOffers = await stack.api("GET", "/store/customers/me/market/offers", { token: carol.token })
    expect(carolOffers.json).toEqual({ made: [], received: [] })
    const carolListings = await stack.api("GET", "/store/customers/me/market/listings", { token: carol.token })
    expect(carolListings.json.listings).toEqual([])
    for (const path of ["listings", "bids", "offers"]) {
      expect((await stack.api("GET", `/store/customers/me/market/${path}`)).status).toBe(401)
    }
  })
})

describe("market emails", () => {
  it("the outbid bidder and the twin's holder are told once each", async () => {
    const outbid = await waitFor(async () => ((await outbox(bob.email, MARKET_OUTBID_EMAIL)).length ? outbox(bob.email, MARKET_OUTBID_EMAIL) : undefined), 20_000, "the outbid email")
    expect(outbid).toHaveLength(1)
    expect(outbid[0].subject).toMatch(/^You were outbid on twin #/)
    expect(outbid[0].text).toContain("1.5 ETH")
    const offer = await waitFor(async () => ((await outbox(alice.email, MARKET_OFFER_RECEIVED_EMAIL)).length ? outbox(alice.email, MARKET_OFFER_RECEIVED_EMAIL) : undefined), 20_000, "the offer email")
    expect(offer).toHaveLength(1)
    expect(offer[0].subject).toBe("An offer of 0.4 ETH for twin #" + offer[0].subject.split("#")[1])
    expect(await outbox(carol.email, MARKET_OUTBID_EMAIL)).toHaveLength(0)
  })

  it("bidders are told the auction ends soon, once", async () => {
    // The auction (15 minutes from its first bid) ends within the hour the job looks ahead; the job looks every minute.
    await waitFor(async () => (await outbox(carol.email, MARKET_AUCTION_ENDING_SOON_EMAIL)).length > 0, 90_000, "the ending-soon email to carol")
    await waitFor(async () => (await outbox(bob.email, MARKET_AUCTION_ENDING_SOON_EMAIL)).length > 0, 20_000, "the ending-soon email to bob")
    await new Promise((r) => setTimeout(r, 2_500))
    expect(await outbox(carol.email, MARKET_AUCTION_ENDING_SOON_EMAIL)).toHaveLength(1)
    expect(await outbox(bob.email, MARKET_AUCTION_ENDING_SOON_EMAIL)).toHaveLength(1)
  })

  it("the winner and the seller are told once the auction settles, once each", async () => {
    await stack.chain.testClient.increaseTime({ seconds: 16 * 60 })
    await stack.chain.evmMine(1)
    await bob.market.settle(auctionId)
    const won = await waitFor(async () => ((await outbox(carol.email, MARKET_AUCTION_WON_EMAIL)).length ? outbox(carol.email, MARKET_AUCTION_WON_EMAIL) : undefined), 20_000, "the won email")
    expect(won[0].text).toContain("1.5 ETH")
    const sold = await waitFor(async () => ((await outbox(alice.email, MARKET_ITEM_SOLD_EMAIL)).length ? outbox(alice.email, MARKET_ITEM_SOLD_EMAIL) : undefined), 20_000, "the sold email")
    expect(sold).toHaveLength(1)
    expect(won).toHaveLength(1)
    expect(await outbox(bob.email, MARKET_AUCTION_WON_EMAIL)).toHaveLength(0)
  })
})

describe("the portfolio's market returns", () => {
  it("shows the winner's cost basis at the price paid and the seller's realized return", async () => {
    const carolMarket = (await stack.api("GET", "/store/customers/me/portfolio", { token: carol.token })).json.portfolio.market
    expect(carolMarket).toMatchObject({ cost_basis: parseEther("1.5").toString(), realized_return: "0", unrealized_return: "0", totalReturn: "0", returnPercentage: 0 })
    const aliceMarket = (await stack.api("GET", "/store/customers/me/portfolio", { token: alice.token })).json.portfolio.market
    // Minted to her, so it cost her nothing on the market: the proceeds after fee and royalty are her return.
    expect(BigInt(aliceMarket.realized_return)).toBeGreaterThan(0n)
    expect(BigInt(aliceMarket.realized_return)).toBeLessThanOrEqual(parseEther("1.5") - (parseEther("1.5") * 250n) / 10_000n)
    expect(aliceMarket).toMatchObject({ cost_basis: "0", totalReturn: aliceMarket.realized_return, returnPercentage: null })
  })
})

describe("pausing the market", () => {
  const admin = async () => ({ authorization: `Bearer ${await adminToken()}` })

  it("is refused with 409 while the server's signer lacks the admin role, and works once it holds it", async () => {
    const refused = await stack.api("POST", "/admin/market/pause", { headers: await admin() })
    expect(refused.status).toBe(409)
    expect(refused.json.message).toContain("does not hold PVAMarket's admin role")
    const server = privateKeyToAccount(SERVER_KEY).address
    await stack.chain.send(
      stack.chain.wallet.writeContract({ address: stack.chain.market.address, abi: pvaMarketAbi, functionName: "grantRole", args: [roles.DEFAULT_ADMIN_ROLE, server] }),
    )
    const paused = await stack.api("POST", "/admin/market/pause", { headers: await admin() })
    expect(paused.status).toBe(200)
    await waitFor(async () => (await stack.api("GET", "/store/market/config")).json.paused === true, 20_000, "the pause in the config")
    // A paused market refuses a new listing on chain.
    const twin = await stack.mintTwin(alice.address)
    await expect(alice.market.listFixed(twin, parseEther("1"))).rejects.toThrow()
    expect((await stack.api("POST", "/admin/market/pause", { headers: await admin() })).status).toBe(409)
    expect((await stack.api("POST", "/admin/market/unpause", { headers: await admin() })).status).toBe(200)
    await waitFor(async () => (await stack.api("GET", "/store/market/config")).json.paused === false, 20_000, "the unpause in the config")
  })
})

// The market as the storefront reads it, against a real chain, database and server with chain
// sync following: listings of each kind, their filters and sorts, bad queries, the Dutch price
// read at request time, bids and sales with royalty and fee, activity, offers, moderation, and
// a reorg that takes a bid back.
import { parseEther } from "viem"
import { adminToken } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"
import { startMarketStack, type Collector, type MarketStack } from "../../../test-support/market-stack"

let stack: MarketStack
let seller: Collector
let buyer: Collector
let bidder: Collector
let fixedId: bigint
let dutchId: bigint
let auctionId: bigint
let twins: bigint[]

beforeAll(async () => {
  stack = await startMarketStack()
  ;[seller, buyer, bidder] = [await stack.collector("seller"), await stack.collector("buyer"), await stack.collector("bidder")]
  twins = [await stack.mintTwin(seller.address), await stack.mintTwin(seller.address), await stack.mintTwin(seller.address), await stack.mintTwin(seller.address)]
  await seller.market.approveAll()
  fixedId = await seller.market.listFixed(twins[0], parseEther("1.5"))
  dutchId = await seller.market.listDutch(twins[1], parseEther("3"), parseEther("1"))
  auctionId = await seller.market.createAuction(twins[2], parseEther("1"))
  await stack.waitForListing(auctionId, "the auction in the read model", () => true)
}, 400_000)
afterAll(async () => {
  await stack?.stop()
})

const get = (path: string, token?: string) => stack.api("GET", path, { token })

describe("GET /store/market/config", () => {
  it("names the chain, the three contracts, the fee and whether trading is paused", async () => {
    // The fee comes from the market's FeeSet log at deployment, applied with the rest of the backfill.
    const res = await waitFor(async () => {
      const config = await get("/store/market/config")
      return config.json.fee_bps !== null ? config : undefined
    }, 20_000, "the fee in the config")
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      chain_id: 31337,
      market_address: stack.chain.market.address.toLowerCase(),
      twin_address: stack.chain.twin.address.toLowerCase(),
      shares_address: stack.chain.shares.address.toLowerCase(),
      fee_bps: 250,
      paused: false,
    })
  })
})

describe("GET /store/market/listings", () => {
  it("lists the three kinds with their terms, active ones by default", async () => {
    const res = await get("/store/market/listings?limit=100")
    expect(res.status).toBe(200)
    const byId = new Map(res.json.listings.map((l: { id: string }) => [l.id, l]))
    expect(byId.get(String(fixedId))).toMatchObject({
      kind: "fixed",
      asset: { type: "twin", contract: stack.chain.twin.address.toLowerCase(), token_id: String(twins[0]), quantity: "1" },
      seller: seller.address.toLowerCase(),
      price: parseEther("1.5").toString(),
      reserve_price: null,
      status: "active",
      highest_bid: null,
      bid_count: 0,
    })
    const dutch = byId.get(String(dutchId)) as Record<string, string>
    expect(dutch).toMatchObject({ kind: "dutch", start_price: parseEther("3").toString(), floor_price: parseEther("1").toString() })
    // The Dutch price is read at request time from the schedule: at or below the start, above the floor.
    expect(BigInt(dutch.price)).toBeLessThanOrEqual(parseEther("3"))
    expect(BigInt(dutch.price)).toBeGreaterThan(parseEther("1"))
    expect(new Date(dutch.ends_at).getTime() - new Date(dutch.starts_at).getTime()).toBe(86_400_000)
    expect(byId.get(String(auctionId))).toMatchObject({ kind: "english", reserve_price: parseEther("1").toString(), price: parseEther("1").toString(), ends_at: null })
    expect(res.json).toMatchObject({ limit: 100, offset: 0 })
    expect(res.json.count).toBe(res.json.listings.length)
  })

  it("filters by kind, asset and price range, and sorts by price", async () => {
    const fixed = await get("/store/market/listings?kind=fixed")
    expect(fixed.json.listings.map((l: { kind: string }) => l.kind)).toEqual(fixed.json.listings.map(() => "fixed"))
    expect(fixed.json.listings.map((l: { id: string }) => l.id)).toContain(String(fixedId))
    expect((await get("/store/market/listings?asset=shares")).json.count).toBe(0)
    const ranged = await get(`/store/market/listings?min_price=${parseEther("1.2")}&max_price=${parseEther("1.6")}`)
    expect(ranged.json.listings.map((l: { id: string }) => l.id)).toEqual([String(fixedId)])
    const asc = (await get("/store/market/listings?sort=price_asc")).json.listings.map((l: { price: string }) => BigInt(l.price))
    expect(asc).toEqual([...asc].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    const desc = (await get("/store/market/listings?sort=price_desc")).json.listings.map((l: { id: string }) => l.id)
    expect(desc[0]).toBe(String(dutchId))
    const page = await get("/store/market/listings?sort=newest&limit=1&offset=1")
    expect(page.json).toMatchObject({ limit: 1, offset: 1 })
    expect(page.json.listings).toHaveLength(1)
    expect(page.json.count).toBeGreaterThanOrEqual(3)
  })

  it.each([
    ["kind=auction", "kind must be one of fixed, english, dutch"],
    ["asset=nft", "asset must be one of twin, shares"],
    ["sort=cheapest", "sort must be one of ending_soon, newest, price_asc, price_desc"],
    ["status=open", "status must be one of active, sold, cancelled, ended, invalid"],
    ["min_price=1.5", "min_price must be an amount in wei: a whole number as a decimal string"],
    ["min_price=10&max_price=5", "min_price must not be above max_price"],
    ["limit=101", "limit must be an integer from 1 to 100"],
    ["offset=-1", "offset must be a non-negative integer"],
  ])("answers ?%s with 400 and a message", async (query, message) => {
    const res = await get(`/store/market/listings?${query}`)
    expect(res.status).toBe(400)
    expect(res.json.message).toBe(message)
  })
})

describe("an English auction", () => {
  it("shows bids, the next minimum bid, the clock from the first bid, then the sale with royalty and fee", async () => {
    await bidder.market.bid(auctionId, parseEther("1"))
    let listing = await stack.waitForListing(auctionId, "the first bid", (l) => l.bid_count === 1)
    expect(listing).toMatchObject({
      highest_bid: { bidder: bidder.address.toLowerCase(), amount: parseEther("1").toString() },
      current_price: parseEther("1").toString(),
      min_next_bid: parseEther("1.05").toString(),
      fee_bps: 250,
      status: "active",
    })
    expect(listing.time_left_seconds).toBeGreaterThan(86_000)
    await buyer.market.bid(auctionId, parseEther("2"))
    listing = await stack.waitForListing(auctionId, "the second bid", (l) => l.bid_count === 2)
    expect((listing.bids as Array<{ bidder: string }>).map((b) => b.bidder)).toEqual([buyer.address.toLowerCase(), bidder.address.toLowerCase()])

    await stack.chain.testClient.increaseTime({ seconds: 86_400 + 60 })
    await stack.chain.evmMine(1)
    await bidder.market.settle(auctionId)
    listing = await waitFor(async () => {
      const res = await get(`/store/market/listings?status=sold&limit=100`)
      return res.json.listings.find((l: { id: string }) => l.id === String(auctionId))
    }, 20_000, "the settled auction")
    expect(listing).toMatchObject({ status: "sold", price: parseEther("2").toString() })

    // The settlement's logs (AuctionSettled, Sold, FeePaid) are applied in any order: wait for all of them.
    const activity = await waitFor(async () => {
      const res = await get(`/store/market/activity?token_id=${twins[2]}&contract=${stack.chain.twin.address}`)
      return res.json.count === 5 && res.json.activity[0].fee_amount !== "0" ? res : undefined
    }, 20_000, "the settlement in the activity")
    expect(activity.json.activity.map((a: { type: string }) => a.type)).toEqual(["sold", "settled", "bid", "bid", "listed"])
    const sold = activity.json.activity[0]
    expect(sold).toMatchObject({
      listing_id: String(auctionId),
      price: parseEther("2").toString(),
      from: seller.address.toLowerCase(),
      to: buyer.address.toLowerCase(),
      fee_amount: (parseEther("2") * 250n / 10_000n).toString(),
    })
    expect(sold.tx_hash).toMatch(/^0x[0-9a-f]{64}$/)
    expect(activity.json.count).toBe(5)
  })
})

describe("a fixed-price sale and offers", () => {
  it("a bought listing leaves the active list and shows in sold; an offer appears and its acceptance is a sale", async () => {
    await buyer.market.buy(fixedId, parseEther("1.5"))
    await waitFor(async () => {
      const res = await get(`/store/market/listings?status=sold&limit=100`)
      return res.json.listings.some((l: { id: string }) => l.id === String(fixedId))
    }, 20_000, "the fixed-price sale")
    expect((await get("/store/market/listings?limit=100")).json.listings.map((l: { id: string }) => l.id)).not.toContain(String(fixedId))

    const offerId = await bidder.market.makeOffer(twins[3], parseEther("0.7"))
    const offers = await waitFor(async () => {
      const res = await get(`/store/market/offers?contract=${stack.chain.twin.address}&token_id=${twins[3]}`)
      return res.json.offers.length ? res.json.offers : undefined
    }, 20_000, "the offer")
    expect(offers).toEqual([
      expect.objectContaining({ id: String(offerId), token_id: String(twins[3]), bidder: bidder.address.toLowerCase(), amount: parseEther("0.7").toString(), status: "open", quantity: "1" }),
    ])
    await seller.market.acceptOffer(offerId)
    await waitFor(async () => {
      const res = await get(`/store/market/offers?token_id=${twins[3]}`)
      return res.json.offers[0]?.status === "accepted"
    }, 20_000, "the accepted offer")
    const activity = await waitFor(async () => {
      const res = await get(`/store/market/activity?token_id=${twins[3]}`)
      return res.json.count === 2 && res.json.activity[0].fee_amount !== "0" ? res : undefined
    }, 20_000, "the accepted offer in the activity")
    expect(activity.json.activity.map((a: { type: string }) => a.type)).toEqual(["offer_accepted", "offer_made"])
    expect(activity.json.activity[0].fee_amount).toBe((parseEther("0.7") * 250n / 10_000n).toString())
  })

  it.each([
    ["/store/market/offers?token_id=abc", "token_id must be a whole number"],
    ["/store/market/offers?contract=0x12", "contract must be a 0x-prefixed contract address"],
    ["/store/market/activity?limit=0", "limit must be an integer from 1 to 100"],
    ["/store/market/listings/abc", "listing id must be a whole number"],
  ])("%s is a 400", async (path, message) => {
    const res = await get(path)
    expect(res.status).toBe(400)
    expect(res.json.message).toBe(message)
  })

  it("an unknown listing is a 404", async () => {
    expect((await get("/store/market/listings/999999")).status).toBe(404)
  })
})

describe("moderation", () => {
  it("a hidden listing disappears from the list and its page, and comes back when unhidden", async () => {
    const admin = await adminToken()
    const hide = await stack.api("POST", `/admin/market/listings/${dutchId}/hide`, { headers: { authorization: `Bearer ${admin}` } })
    expect(hide.status).toBe(200)
    expect((await get("/store/market/listings?limit=100")).json.listings.map((l: { id: string }) => l.id)).not.toContain(String(dutchId))
    expect((await get(`/store/market/listings/${dutchId}`)).status).toBe(404)
    const adminList = await stack.api("GET", "/admin/market/listings?limit=100", { headers: { authorization: `Bearer ${admin}` } })
    expect(adminList.json.listings.find((l: { id: string }) => l.id === String(dutchId))).toMatchObject({ hidden: true })
    await stack.api("POST", `/admin/market/listings/${dutchId}/unhide`, { headers: { authorization: `Bearer ${admin}` } })
    expect((await get(`/store/market/listings/${dutchId}`)).status).toBe(200)
    expect((await stack.api("POST", `/admin/market/listings/424242/hide`, { headers: { authorization: `Bearer ${admin}` } })).status).toBe(404)
  })

  it("the admin summary counts listings, volume, royalties and fees", async () => {
    const admin = await adminToken()
    const res = await stack.api("GET", "/admin/market/summary", { headers: { authorization: `Bearer ${admin}` } })
    expect(res.status).toBe(200)
    const volume = parseEther("2") + parseEther("1.5") + parseEther("0.7")
    expect(res.json).toMatchObject({ sales: 3, volume: volume.toString(), fees: ((parseEther("2") * 250n) / 10_000n + (parseEther("1.5") * 250n) / 10_000n + (parseEther("0.7") * 250n) / 10_000n).toString(), fee_bps: 250, paused: false })
    expect(res.json.listings.sold).toBe(2)
  })
})

describe("a twin the store knows", () => {
  it("shows its piece on the listing, and its provenance shows the listing, the settled auction and the sale", async () => {
    // The auctioned twin as the digital-twin plugin would hold it had the store sold the piece.
    await stack.sql(
      `INSERT INTO digital_twin (id, token_id, tag_id, title, metadata_cid, metadata_digest, image_cid, status, owner_address)
       VALUES ($1, $2, $3, 'Market test emerald', 'cid', 'digest', 'image', 'minted', $4)`,
      [`twin_market_${twins[2]}`, String(twins[2]), `TAG-MARKET-${twins[2]}`, buyer.address.toLowerCase()],
    )
    const sold = await get(`/store/market/listings?status=sold&limit=100`)
    const listing = sold.json.listings.find((l: { id: string }) => l.id === String(auctionId))
    expect(listing.asset.artifact).toMatchObject({ title: "Market test emerald" })
    const provenance = await get(`/store/twins/${twins[2]}/provenance`)
    expect(provenance.status).toBe(200)
    const market = provenance.json.events.filter((e: { kind: string }) => e.kind.startsWith("market_") || e.kind === "auction_settled")
    expect(market.map((e: { kind: string }) => e.kind)).toEqual(["market_listed", "auction_settled", "market_sold"])
    expect(market[0]).toMatchObject({ listing_kind: "english", price: parseEther("1").toString() })
    expect(market[2]).toMatchObject({ price: parseEther("2").toString(), listing_id: String(auctionId) })
    // Public: no buyer or seller addresses in the timeline.
    expect(provenance.text).not.toContain(buyer.address.toLowerCase())
    expect(provenance.text).not.toContain(seller.address.toLowerCase())
  })
})

describe("a reorg", () => {
  it("a bid whose block is orphaned is taken back from the listing, its bids and the activity", async () => {
    const twin = await stack.mintTwin(seller.address)
    const id = await seller.market.createAuction(twin, parseEther("1"))
    await stack.waitForListing(id, "the new auction", () => true)
    const snapshot = await stack.chain.testClient.snapshot()
    await bidder.market.bid(id, parseEther("1.1"))
    await stack.waitForListing(id, "the bid before the reorg", (l) => l.bid_count === 1)
    const head = await stack.chain.head()
    await stack.chain.testClient.revert({ id: snapshot })
    // A longer replacement chain without the bid.
    await stack.chain.evmMine(head - (await stack.chain.head()) + 3)
    const listing = await stack.waitForListing(id, "the bid taken back", (l) => l.bid_count === 0)
    expect(listing).toMatchObject({ highest_bid: null, bids: [], ends_at: null, price: parseEther("1").toString() })
    const activity = await get(`/store/market/activity?token_id=${twin}`)
    expect(activity.json.activity.map((a: { type: string }) => a.type)).toEqual(["listed"])
    const [{ n }] = await stack.sql(`SELECT count(*)::int AS n FROM market_bid WHERE listing_id = $1`, [String(id)])
    expect(n).toBe(0)
  })
})

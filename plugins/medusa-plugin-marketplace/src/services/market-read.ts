// What the store reads from the market read model: the public market, a customer's own side
// of it (through their linked wallets), and the read functions other plugins use (a twin's
// market history for provenance, a wallet's returns for the portfolio).
import { PerCallService } from "@pva/medusa-kit/service"
import { MedusaError } from "medusa-core-utils"
import { activity, ACTIVITY_TYPES, marketState } from "../db/market-event"
import { bidsBy, bidsOf, countBidsBy } from "../db/market-bid"
import { getListing, listListings, type ListingFilter, type ListingRow } from "../db/market-listing"
import { listOffers, openOffersOn, type OfferRow } from "../db/market-offer"
import { lastUnitPrices, salesInvolving, salesOfToken } from "../db/market-sale"
import { listingDetail, marketConfig, storeListing, type Artifact } from "../lib/listing-view"
import { lowerAddresses } from "../lib/market-log"
import { walletDirectoryFrom, type WalletDirectory } from "../lib/wallet-directory"
import { walletReturns, type WalletReturns } from "../lib/returns"
import type MarketChainService from "./market-chain"
import type { TwinMarketEvent } from "@pva/medusa-kit/events"

type ArtifactSource = { artifactsByTokenId(tokenIds: string[]): Promise<Map<string, Artifact>> }
type Container = { marketChainService: MarketChainService }

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

export default class MarketReadService extends PerCallService {
  static identifier = "marketReadService"
  private readonly deps: Container
  private readonly wallets: WalletDirectory
  private readonly resolve: (name: string) => unknown

  constructor(container: Container) {
    super(arguments[0])
    this.deps = container
    this.resolve = (name) => (container as unknown as Record<string, unknown>)[name]
    this.wallets = walletDirectoryFrom(this.resolve)
  }

  private get chain() {
    return this.deps.marketChainService
  }
  private get market() {
    return this.chain.addresses().market
  }

  /** Twin titles and pictures from the digital-twin plugin's read function, when it is installed. */
  private async artifacts(rows: Array<{ asset_type: string; token_id: string }>): Promise<Map<string, Artifact>> {
    let source: unknown
    try {
      source = this.resolve("digitalTwinService")
    } catch {
      return new Map()
    }
    if (!source || typeof (source as ArtifactSource).artifactsByTokenId !== "function") return new Map()
    const twinIds = [...new Set(rows.filter((r) => r.asset_type === "twin").map((r) => r.token_id))]
    return twinIds.length ? (source as ArtifactSource).artifactsByTokenId(twinIds) : new Map()
  }

  async config() {
    const addresses = this.chain.addresses()
    const state = await marketState(this.activeManager_, addresses.market)
    return marketConfig(this.chain.settings.chainId, addresses, state.fee_bps, state.paused)
  }

  async listings(filter: ListingFilter, now = new Date()) {
    const { listings, count } = await listListings(this.activeManager_, this.market, filter, now)
    const artifacts = await this.artifacts(listings)
    return {
      listings: listings.map((l) => storeListing(l, l.asset_type === "twin" ? artifacts.get(l.token_id) ?? null : null, now)),
      count,
      limit: filter.limit,
      offset: filter.offset,
    }
  }

  /** One listing with its bids; a hidden or unknown one is a 404. */
  async listing(listingId: string, now = new Date()) {
    const row = await getListing(this.activeManager_, this.market, listingId, now)
    if (!row || row.hidden) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No listing ${listingId} on the market`)
    const [bids, artifacts, royalty, state] = await Promise.all([
      bidsOf(this.activeManager_, this.market, listingId),
      this.artifacts([row]),
      this.chain.royaltyOf(row.asset_type, row.token_id),
      marketState(this.activeManager_, this.market),
    ])
    return listingDetail(row, artifacts.get(row.token_id) ?? null, bids, royalty, state.fee_bps, now)
  }

  async activity(filter: { tokenId?: string; contract?: string; limit: number; offset: number }) {
    const { rows, count } = await activity(this.activeManager_, this.market, filter)
    return {
      activity: rows.map((r) => {
        const a = r.args
        const lower = (v: unknown) => (typeof v === "string" ? v.toLowerCase() : null)
        const str = (v: unknown) => (v === undefined || v === null ? null : String(v))
        let price: string | null = null
        let from: string | null = null
        let to: string | null = null
        let quantity: string | null = r.listing_quantity ?? r.offer_quantity
        switch (r.event_name) {
          case "Listed":
            ;[price, from, quantity] = [str(a.price), lower(a.seller), str(a.quantity)]
            break
          case "PriceChanged":
            ;[price, from] = [str(a.newPrice), r.listing_seller]
            break
          case "Cancelled":
            from = r.listing_seller
            break
          case "BidPlaced":
            ;[price, from] = [str(a.amount), lower(a.bidder)]
            break
          case "AuctionSettled":
            ;[price, from, to] = [str(a.amount), r.listing_seller, lower(a.winner)]
            break
          case "Sold":
            ;[price, from, to, quantity] = [str(a.price), lower(a.seller), lower(a.buyer), str(a.quantity)]
            break
          case "OfferMade":
            ;[price, from, quantity] = [str(a.amount), lower(a.bidder), str(a.quantity)]
            break
          case "OfferAccepted":
            ;[price, from, to] = [str(a.amount), lower(a.seller), lower(a.bidder)]
            break
          case "OfferWithdrawn":
            ;[price, from] = [str(a.amount), lower(a.bidder)]
            break
        }
        return {
          type: ACTIVITY_TYPES[r.event_name],
          listing_id: r.listing_id,
          offer_id: r.offer_id,
          contract: r.token_address,
          token_id: r.token_id,
          quantity,
          price,
          from,
          to,
          royalty_amount: r.royalty_amount,
          fee_amount: r.fee_amount,
          tx_hash: r.tx_hash,
          block_number: r.block_number,
          at: iso(r.occurred_at),
        }
      }),
      count,
    }
  }

  async offers(filter: { contract?: string; tokenId?: string }, now = new Date()) {
    const offers = await listOffers(this.activeManager_, this.market, filter, now)
    return { offers: offers.map(storeOffer) }
  }

  // ------------------------------------------------------------ a customer's own

  private async walletsOf(customerId: string): Promise<string[]> {
    return this.wallets.walletsOf(customerId)
  }

  async myListings(customerId: string, query: { limit: number; offset: number }, now = new Date()) {
    const wallets = await this.walletsOf(customerId)
    if (!wallets.length) return { listings: [], count: 0, ...query }
    const { listings, count } = await listListings(this.activeManager_, this.market, { sellers: wallets, includeHidden: true, sort: "newest", ...query }, now)
    const artifacts = await this.artifacts(listings)
    return { listings: listings.map((l) => ({ ...storeListing(l, artifacts.get(l.token_id) ?? null, now), hidden: l.hidden })), count, ...query }
  }

  async myBids(customerId: string, query: { limit: number; offset: number }, now = new Date()) {
    const wallets = await this.walletsOf(customerId)
    if (!wallets.length) return { bids: [], count: 0, ...query }
    const [bids, count] = await Promise.all([bidsBy(this.activeManager_, this.market, wallets, query.limit, query.offset), countBidsBy(this.activeManager_, this.market, wallets)])
    const listings = new Map<string, ListingRow | null>()
    for (const bid of bids) {
      if (!listings.has(bid.listing_id)) listings.set(bid.listing_id, await getListing(this.activeManager_, this.market, bid.listing_id, now))
    }
    return {
      bids: bids.map((b) => {
        const listing = listings.get(b.listing_id)
        return {
          listing_id: b.listing_id,
          bidder: b.bidder,
          amount: b.amount,
          placed_at: iso(b.placed_at),
          tx_hash: b.tx_hash,
          is_highest: !!listing && listing.high_bidder === b.bidder && listing.high_bid === b.amount,
          listing: listing ? storeListing(listing, null, now) : null,
        }
      }),
      count,
      ...query,
    }
  }

  /** Offers the customer made, and open offers on twins or shares their wallets hold. */
  async myOffers(customerId: string, now = new Date()) {
    const wallets = await this.walletsOf(customerId)
    if (!wallets.length) return { made: [], received: [] }
    const made = await listOffers(this.activeManager_, this.market, { bidders: wallets }, now)
    const received: OfferRow[] = []
    for (const offer of await openOffersOn(this.activeManager_, this.market, now)) {
      if (wallets.includes(offer.bidder)) continue
      if (offer.asset_type === "twin") {
        const owner = await this.chain.twinOwner(offer.token_id)
        if (owner && wallets.includes(owner)) received.push(offer)
      } else {
        for (const wallet of wallets) {
          if ((await this.chain.sharesBalance(wallet, offer.token_id)) >= BigInt(offer.quantity)) {
            received.push(offer)
            break
          }
        }
      }
    }
    return { made: made.map(storeOffer), received: received.map(storeOffer) }
  }

  // ------------------------------------------------------ read functions for other plugins

  /** A twin's market history for its provenance: listed, sold (price, royalty), auction results. */
  async twinMarketHistory(tokenId: string): Promise<TwinMarketEvent[]> {
    const { twin } = this.chain.addresses()
    const { rows } = await activity(this.activeManager_, this.market, { tokenId, contract: twin, limit: 500, offset: 0 })
    const sales = new Map((await salesOfToken(this.activeManager_, this.market, twin, tokenId)).map((s) => [s.id, s]))
    const out: TwinMarketEvent[] = []
    for (const r of [...rows].reverse()) {
      const base = { listing_id: r.listing_id, offer_id: r.offer_id, tx_hash: r.tx_hash, block_number: r.block_number, occurred_at: iso(r.occurred_at) as string }
      if (r.event_name === "Listed") {
        const kind = ["", "fixed", "dutch", "english"][Number(r.args.kind)] ?? null
        out.push({ ...base, kind: "listed", listing_kind: kind, price: String(r.args.price), seller: String(r.args.seller).toLowerCase(), buyer: null, royalty: null })
      }
      if (r.event_name === "AuctionSettled") {
        out.push({ ...base, kind: "auction_settled", listing_kind: "english", price: String(r.args.amount), seller: r.listing_seller, buyer: String(r.args.winner).toLowerCase(), royalty: null })
      }
      const sale = sales.get(r.id)
      if (sale) {
        out.push({
          ...base,
          kind: "sold",
          listing_kind: null,
          price: sale.price,
          seller: sale.seller,
          buyer: sale.buyer,
          royalty: sale.royalty_receiver ? { receiver: sale.royalty_receiver, amount: sale.royalty_amount } : null,
        })
      }
    }
    return out
  }

  /**
   * What `wallets` paid for and got from the market, per token: cost basis, realized return
   * (sales) and unrealized return (holdings valued at the token's last market price).
   * `holdings` are the units the wallets hold now (the caller knows them: the chain mirror).
   */
  async returnsOf(wallets: string[], holdings: Array<{ contract: string; tokenId: string; quantity: bigint }>): Promise<WalletReturns> {
    const lower = lowerAddresses(wallets)
    const sales = lower.length ? await salesInvolving(this.activeManager_, this.market, lower) : []
    // Priced: what the wallets hold and what they traded (a twin bought on the market is held too).
    const traded = sales.map((sale) => ({ contract: sale.token_address, tokenId: sale.token_id }))
    const prices = await lastUnitPrices(this.activeManager_, this.market, [...holdings, ...traded])
    return walletReturns(lower, sales, holdings, prices)
  }

  /** `returnsOf` for a customer's linked wallets; `holdings` name the asset by type (the contract is the market's). */
  async returnsOfCustomer(customerId: string, holdings: Array<{ asset: "twin" | "shares"; tokenId: string; quantity: bigint }>): Promise<WalletReturns> {
    const { twin, shares } = this.chain.addresses()
    const wallets = await this.walletsOf(customerId)
    return this.returnsOf(
      wallets,
      holdings.map((h) => ({ contract: h.asset === "twin" ? twin : shares, tokenId: h.tokenId, quantity: h.quantity })),
    )
  }
}

function storeOffer(o: OfferRow) {
  return {
    id: o.offer_id,
    contract: o.token_address,
    token_id: o.token_id,
    quantity: o.quantity,
    bidder: o.bidder,
    amount: o.amount,
    expires_at: iso(o.expires_at),
    status: o.status,
  }
}

// Applies chain sync's PVAMarket logs to the read model, and takes them back when a reorg
// orphans them. A log is stored once in market_event (its chain sync id is the key); the
// listing or offer it belongs to is then refolded from all its logs, so what a removed log
// did disappears with it. Emails follow a newly applied log, after its transaction commits.
import { PerCallService } from "@pva/medusa-kit"
import type { EntityManager } from "typeorm"
import { deleteEvent, eventsOfListing, eventsOfOffer, insertEvent, saleBefore, tokenOf, type MarketEventRow } from "../db/market-event"
import { bidsOf, replaceBids } from "../db/market-bid"
import { deleteListing, lockListing, saveFolded } from "../db/market-listing"
import { deleteOffer, lockOffer, saveOffer } from "../db/market-offer"
import { replaceSales } from "../db/market-sale"
import type { ChainLog } from "../lib/events"
import { foldListing } from "../lib/listing-fold"
import { LISTING_EVENTS, OFFER_EVENTS, PAYOUT_EVENTS, isTracked, uintArg } from "../lib/market-log"
import { auctionWon, itemSold, offerReceived, outbid, type MarketNotice } from "../lib/notices"
import { foldOffer } from "../lib/offer-fold"
import type MarketChainService from "./market-chain"
import type MarketEmailService from "./market-email"

type Container = { marketChainService: MarketChainService; marketEmailService: MarketEmailService }

export default class MarketSyncService extends PerCallService {
  static identifier = "marketSyncService"
  private readonly deps: Container

  constructor(container: Container) {
    // eslint-disable-next-line prefer-rest-params
    super(arguments[0])
    this.deps = container
  }

  private isOurs(log: ChainLog): boolean {
    if (log.contract_name !== "PVAMarket" || !isTracked(log.event_name)) return false
    try {
      return log.contract_address.toLowerCase() === this.deps.marketChainService.addresses().market
    } catch {
      return false
    }
  }

  async applyConfirmed(log: ChainLog): Promise<void> {
    if (!this.isOurs(log)) return
    const market = log.contract_address.toLowerCase()
    const occurredAt = await this.deps.marketChainService.blockTime(log.block_hash)
    const notices = await this.atomicPhase_(async (manager: EntityManager) => {
      const row = await this.eventRow(manager, log, market, occurredAt)
      if (row.listing_id) await lockListing(manager, market, row.listing_id)
      if (row.offer_id) await lockOffer(manager, market, row.offer_id)
      if (!(await insertEvent(manager, row))) return []
      await this.refold(manager, market, row)
      return this.noticesFor(manager, market, row)
    })
    if (notices.length) await this.deps.marketEmailService.sendAll(notices)
  }

  async applyRemoved(log: ChainLog): Promise<void> {
    if (log.contract_name !== "PVAMarket") return
    const market = log.contract_address.toLowerCase()
    await this.atomicPhase_(async (manager: EntityManager) => {
      const removed = await deleteEvent(manager, log.id)
      if (!removed) return
      if (removed.listing_id) await lockListing(manager, market, removed.listing_id)
      if (removed.offer_id) await lockOffer(manager, market, removed.offer_id)
      await this.refold(manager, market, removed)
    })
  }

  /** The log as market_event keeps it: which listing or offer it belongs to, and its token. */
  private async eventRow(manager: EntityManager, log: ChainLog, market: string, occurredAt: Date): Promise<MarketEventRow> {
    const args = log.args
    let listingId: string | null = LISTING_EVENTS.has(log.event_name) ? uintArg(args, "listingId") : null
    let offerId: string | null = OFFER_EVENTS.has(log.event_name) ? uintArg(args, "offerId") : null
    if (PAYOUT_EVENTS.has(log.event_name)) {
      const sale = await saleBefore(manager, log.transaction_hash, log.log_index)
      listingId = sale?.listing_id ?? null
      offerId = sale?.offer_id ?? null
    }
    let token: { token_address: string; token_id: string } | null = null
    if (log.event_name === "Listed" || log.event_name === "OfferMade") {
      token = { token_address: String(args.token).toLowerCase(), token_id: uintArg(args, "tokenId") }
    } else if (listingId || offerId) {
      token = await tokenOf(manager, market, { listingId, offerId })
    }
    return {
      id: log.id,
      market_address: market,
      event_name: log.event_name,
      listing_id: listingId,
      offer_id: offerId,
      token_address: token?.token_address ?? null,
      token_id: token?.token_id ?? null,
      tx_hash: log.transaction_hash,
      block_number: log.block_number,
      log_index: log.log_index,
      occurred_at: occurredAt,
      args,
    }
  }

  private assetType(tokenAddress: string): "twin" | "shares" {
    return tokenAddress === this.deps.marketChainService.addresses().shares ? "shares" : "twin"
  }

  /** Recomputes the listing or offer a log belongs to from the logs it has now. */
  private async refold(manager: EntityManager, market: string, row: MarketEventRow): Promise<void> {
    if (row.listing_id) {
      const { listing, bids, sales } = foldListing(await eventsOfListing(manager, market, row.listing_id))
      if (!listing) {
        await replaceSales(manager, market, { listingId: row.listing_id }, null, [])
        await replaceBids(manager, market, row.listing_id, [])
        await deleteListing(manager, market, row.listing_id)
        return
      }
      const assetType = this.assetType(listing.token_address)
      await saveFolded(manager, market, row.listing_id, assetType, listing)
      await replaceBids(manager, market, row.listing_id, bids)
      await replaceSales(manager, market, { listingId: row.listing_id }, { asset_type: assetType, token_address: listing.token_address, token_id: listing.token_id }, sales)
    }
    if (row.offer_id) {
      const { offer, sales } = foldOffer(await eventsOfOffer(manager, market, row.offer_id))
      if (!offer) {
        await replaceSales(manager, market, { offerId: row.offer_id }, null, [])
        await deleteOffer(manager, market, row.offer_id)
        return
      }
      const assetType = this.assetType(offer.token_address)
      await saveOffer(manager, market, row.offer_id, assetType, offer)
      await replaceSales(manager, market, { offerId: row.offer_id }, { asset_type: assetType, token_address: offer.token_address, token_id: offer.token_id }, sales)
    }
  }

  /** The emails a newly applied log calls for. */
  private async noticesFor(manager: EntityManager, market: string, row: MarketEventRow): Promise<MarketNotice[]> {
    const a = row.args
    if (!row.token_id || !row.token_address) return []
    const asset = (quantity: string) => ({ type: this.assetType(row.token_address as string), token_id: row.token_id as string, quantity })
    if (row.event_name === "BidPlaced" && row.listing_id) {
      const bids = await bidsOf(manager, market, row.listing_id)
      const at = bids.findIndex((b) => b.id === row.id)
      const previous = at >= 0 ? bids[at + 1] : undefined
      if (!previous || previous.bidder === String(a.bidder).toLowerCase()) return []
      const { listing } = foldListing(await eventsOfListing(manager, market, row.listing_id))
      return [
        outbid(
          { wallet: previous.bidder, listing_id: row.listing_id, offer_id: null, asset: asset(listing?.quantity ?? "1"), amount: uintArg(a, "amount"), ends_at: listing?.ends_at ?? null },
          row.tx_hash,
        ),
      ]
    }
    if (row.event_name === "AuctionSettled" && row.listing_id) {
      const { listing } = foldListing(await eventsOfListing(manager, market, row.listing_id))
      return [auctionWon({ wallet: String(a.winner).toLowerCase(), listing_id: row.listing_id, offer_id: null, asset: asset(listing?.quantity ?? "1"), amount: uintArg(a, "amount"), ends_at: null })]
    }
    if (row.event_name === "Sold" && row.listing_id) {
      return [
        itemSold(
          { wallet: String(a.seller).toLowerCase(), listing_id: row.listing_id, offer_id: null, asset: asset(uintArg(a, "quantity")), amount: uintArg(a, "price"), ends_at: null },
          row.tx_hash,
        ),
      ]
    }
    if (row.event_name === "OfferAccepted" && row.offer_id) {
      const { offer } = foldOffer(await eventsOfOffer(manager, market, row.offer_id))
      return [
        itemSold(
          { wallet: String(a.seller).toLowerCase(), listing_id: null, offer_id: row.offer_id, asset: asset(offer?.quantity ?? "1"), amount: uintArg(a, "amount"), ends_at: null },
          row.tx_hash,
        ),
      ]
    }
    if (row.event_name === "OfferMade" && row.offer_id && this.assetType(row.token_address) === "twin") {
      // A twin has one holder to tell; shares have many, and an offer on them is for whoever accepts first.
      const owner = await this.deps.marketChainService.twinOwner(row.token_id)
      if (!owner) return []
      return [offerReceived({ wallet: owner, listing_id: null, offer_id: row.offer_id, asset: asset(uintArg(a, "quantity")), amount: uintArg(a, "amount"), ends_at: new Date(Number(uintArg(a, "expiresAt")) * 1000) })]
    }
    return []
  }
}

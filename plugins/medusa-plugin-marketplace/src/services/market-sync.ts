// Applies chain sync's PVAMarket logs to the read model, and takes them back when a reorg
// orphans them. A log is stored once in market_event (its chain sync id is the key); the
// listing or offer it belongs to is then refolded from all its logs, so what a removed log
// did disappears with it. Emails follow a newly applied log, after its transaction commits.
import { PerCallService } from "@pva/medusa-kit/service"
import type { ChainLogEvent } from "@pva/medusa-kit/events"
import type { EntityManager } from "typeorm"
import {
  claimPayouts,
  deleteEvent,
  eventsOfListing,
  eventsOfOffer,
  fillToken,
  insertEvent,
  lockTransaction,
  saleBefore,
  tokenOf,
  type MarketEventRow,
} from "../db/market-event"
import { replaceBids } from "../db/market-bid"
import { deleteListing, lockListing, saveFolded } from "../db/market-listing"
import { deleteOffer, lockOffer, saveOffer } from "../db/market-offer"
import { replaceSales } from "../db/market-sale"
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
    super(arguments[0])
    this.deps = container
  }

  private isOurs(log: ChainLogEvent): boolean {
    if (log.contract_name !== "PVAMarket" || !isTracked(log.event_name)) return false
    try {
      return log.contract_address.toLowerCase() === this.deps.marketChainService.addresses().market
    } catch {
      return false
    }
  }

  async applyConfirmed(log: ChainLogEvent): Promise<void> {
    if (!this.isOurs(log)) return
    const market = log.contract_address.toLowerCase()
    const occurredAt = await this.deps.marketChainService.blockTime(log.block_hash)
    const notices = await this.atomicPhase_(async (manager: EntityManager) => {
      // Chain sync's events reach subscribers concurrently and in any order: the logs of one
      // transaction, then of one listing or offer, are applied one at a time, and whichever
      // comes second links itself to the first (token, sale and payouts).
      await lockTransaction(manager, log.transaction_hash)
      const row = await this.eventRow(manager, log, market, occurredAt)
      if (row.listing_id) await lockListing(manager, market, row.listing_id)
      if (row.offer_id) await lockOffer(manager, market, row.offer_id)
      if (!row.token_id) Object.assign(row, await tokenOf(manager, market, { listingId: row.listing_id, offerId: row.offer_id }))
      if (!(await insertEvent(manager, row))) return []
      if ((row.event_name === "Listed" || row.event_name === "OfferMade") && row.token_address && row.token_id) {
        await fillToken(manager, market, { listingId: row.listing_id, offerId: row.offer_id }, { token_address: row.token_address, token_id: row.token_id })
      }
      if (row.event_name === "Sold" || row.event_name === "OfferAccepted") await claimPayouts(manager, row)
      await this.refold(manager, market, row)
      return this.noticesFor(manager, market, row)
    })
    if (notices.length) await this.deps.marketEmailService.sendAll(notices)
  }

  async applyRemoved(log: ChainLogEvent): Promise<void> {
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
  private async eventRow(manager: EntityManager, log: ChainLogEvent, market: string, occurredAt: Date): Promise<MarketEventRow> {
    const args = log.args
    let listingId: string | null = LISTING_EVENTS.has(log.event_name) ? uintArg(args, "listingId") : null
    let offerId: string | null = OFFER_EVENTS.has(log.event_name) ? uintArg(args, "offerId") : null
    if (PAYOUT_EVENTS.has(log.event_name)) {
      const sale = await saleBefore(manager, log.transaction_hash, log.log_index)
      listingId = sale?.listing_id ?? null
      offerId = sale?.offer_id ?? null
    }
    // Other logs get their token from the Listed / OfferMade log once the listing or offer is locked.
    const token =
      log.event_name === "Listed" || log.event_name === "OfferMade" ? { token_address: String(args.token).toLowerCase(), token_id: uintArg(args, "tokenId") } : null
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

  /**
   * The emails the listing or offer of a newly applied log calls for, read from its refolded
   * state rather than from the log alone: logs arrive in any order (a bid before its Listed
   * log), and each email has a key, so asking again never sends twice.
   */
  private async noticesFor(manager: EntityManager, market: string, row: MarketEventRow): Promise<MarketNotice[]> {
    const notices: MarketNotice[] = []
    if (row.listing_id) {
      const { listing, bids, sales } = foldListing(await eventsOfListing(manager, market, row.listing_id))
      if (!listing) return []
      const base = { listing_id: row.listing_id, offer_id: null, asset: { type: this.assetType(listing.token_address), token_id: listing.token_id, quantity: listing.initial_quantity } }
      for (let i = 1; i < bids.length; i++) {
        const [previous, next] = [bids[i - 1], bids[i]]
        if (previous.bidder !== next.bidder) notices.push(outbid({ ...base, wallet: previous.bidder, amount: next.amount, ends_at: listing.ends_at }, next.tx_hash))
      }
      for (const sale of sales) {
        const asset = { ...base.asset, quantity: sale.quantity }
        if (listing.kind === "english") notices.push(auctionWon({ ...base, asset, wallet: sale.buyer, amount: sale.price, ends_at: null }))
        notices.push(itemSold({ ...base, asset, wallet: sale.seller, amount: sale.price, ends_at: null }, sale.tx_hash))
      }
    }
    if (row.offer_id) {
      const { offer, sales } = foldOffer(await eventsOfOffer(manager, market, row.offer_id))
      if (!offer) return notices
      const base = { listing_id: null, offer_id: row.offer_id, asset: { type: this.assetType(offer.token_address), token_id: offer.token_id, quantity: offer.quantity } }
      // A twin has one holder to tell; shares have many, and an offer on them is for whoever accepts first.
      if (offer.status === "open" && base.asset.type === "twin" && row.event_name === "OfferMade") {
        const owner = await this.deps.marketChainService.twinOwner(offer.token_id)
        if (owner && owner !== offer.bidder) notices.push(offerReceived({ ...base, wallet: owner, amount: offer.amount, ends_at: offer.expires_at }))
      }
      for (const sale of sales) notices.push(itemSold({ ...base, wallet: sale.seller, amount: sale.price, ends_at: null }, sale.tx_hash))
    }
    return notices
  }
}

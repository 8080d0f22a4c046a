// A listing's state, bids and sales, recomputed from its logs in chain order. The read model
// never patches a listing in place: applying or removing a log (a reorg) refolds the listing
// from the logs that remain, so a removed log can leave nothing of itself behind.
import { listingKinds } from "@pva/contracts"
import { addressArg, timeArg, uintArg, type MarketLog } from "./market-log"

export type ListingKindName = "fixed" | "english" | "dutch"
export type StoredListingStatus = "active" | "sold" | "cancelled" | "invalid"

const KIND_NAMES: Record<string, ListingKindName> = { FixedPrice: "fixed", English: "english", Dutch: "dutch" }

export type FoldedListing = {
  kind: ListingKindName
  token_address: string
  token_id: string
  seller: string
  initial_quantity: string
  quantity: string
  /** Unit price (fixed), start unit price (Dutch) or the lot's reserve (English). */
  price: string
  floor_price: string | null
  duration: number | null
  min_increment_bps: number | null
  extension_window: number | null
  starts_at: Date
  ends_at: Date | null
  status: StoredListingStatus
  high_bidder: string | null
  high_bid: string | null
  bid_count: number
  created_at: Date
  listed_tx_hash: string
}

export type FoldedBid = { id: string; bidder: string; amount: string; placed_at: Date; tx_hash: string; block_number: number; log_index: number }

export type FoldedSale = {
  id: string
  buyer: string
  seller: string
  quantity: string
  price: string
  royalty_receiver: string | null
  royalty_amount: string
  fee_amount: string
  tx_hash: string
  block_number: number
  log_index: number
  occurred_at: Date
}

/** Royalty and fee logs follow their sale in the same transaction: they are added to the last sale before them. */
export function applyPayout(sales: FoldedSale[], log: MarketLog): void {
  const sale = [...sales].reverse().find((s) => s.tx_hash === log.tx_hash && s.log_index < log.log_index)
  if (!sale) return
  if (log.event_name === "RoyaltyPaid") {
    sale.royalty_receiver = addressArg(log.args, "receiver")
    sale.royalty_amount = uintArg(log.args, "amount")
  } else if (log.event_name === "FeePaid") {
    sale.fee_amount = uintArg(log.args, "amount")
  }
}

export function foldListing(logs: MarketLog[]): { listing: FoldedListing | null; bids: FoldedBid[]; sales: FoldedSale[] } {
  const ordered = [...logs].sort((a, b) => a.block_number - b.block_number || a.log_index - b.log_index)
  let listing: FoldedListing | null = null
  const bids: FoldedBid[] = []
  const sales: FoldedSale[] = []
  for (const log of ordered) {
    const a = log.args
    if (log.event_name === "Listed") {
      const kind = KIND_NAMES[listingKinds[Number(uintArg(a, "kind"))] ?? ""]
      if (!kind) continue
      listing = {
        kind,
        token_address: addressArg(a, "token"),
        token_id: uintArg(a, "tokenId"),
        seller: addressArg(a, "seller"),
        initial_quantity: uintArg(a, "quantity"),
        quantity: uintArg(a, "quantity"),
        price: uintArg(a, "price"),
        floor_price: null,
        duration: null,
        min_increment_bps: null,
        extension_window: null,
        starts_at: log.occurred_at,
        ends_at: null,
        status: "active",
        high_bidder: null,
        high_bid: null,
        bid_count: 0,
        created_at: log.occurred_at,
        listed_tx_hash: log.tx_hash,
      }
      continue
    }
    // Without its Listed log (removed by a reorg) a listing does not exist.
    if (!listing) continue
    switch (log.event_name) {
      case "DutchTerms":
        listing.floor_price = uintArg(a, "floorPrice")
        listing.ends_at = timeArg(a, "endTime")
        listing.duration = Math.round((listing.ends_at.getTime() - listing.starts_at.getTime()) / 1000)
        break
      case "AuctionTerms":
        listing.duration = Number(uintArg(a, "duration"))
        listing.min_increment_bps = Number(uintArg(a, "minIncrementBps"))
        listing.extension_window = Number(uintArg(a, "extensionWindow"))
        break
      case "PriceChanged":
        listing.price = uintArg(a, "newPrice")
        break
      case "Cancelled":
        listing.status = "cancelled"
        break
      case "ListingInvalidated":
        listing.status = "invalid"
        break
      case "BidPlaced":
        listing.high_bidder = addressArg(a, "bidder")
        listing.high_bid = uintArg(a, "amount")
        listing.ends_at = timeArg(a, "endTime")
        listing.bid_count++
        bids.push({ id: log.id, bidder: listing.high_bidder, amount: listing.high_bid, placed_at: log.occurred_at, tx_hash: log.tx_hash, block_number: log.block_number, log_index: log.log_index })
        break
      case "AuctionExtended":
        listing.ends_at = timeArg(a, "endTime")
        break
      case "AuctionSettled":
        listing.status = "sold"
        break
      case "Sold": {
        const quantity = uintArg(a, "quantity")
        const left = BigInt(listing.quantity) - BigInt(quantity)
        listing.quantity = String(left > 0n ? left : 0n)
        if (left <= 0n) listing.status = "sold"
        sales.push({
          id: log.id,
          buyer: addressArg(a, "buyer"),
          seller: addressArg(a, "seller"),
          quantity,
          price: uintArg(a, "price"),
          royalty_receiver: null,
          royalty_amount: "0",
          fee_amount: "0",
          tx_hash: log.tx_hash,
          block_number: log.block_number,
          log_index: log.log_index,
          occurred_at: log.occurred_at,
        })
        break
      }
      case "RoyaltyPaid":
      case "FeePaid":
        applyPayout(sales, log)
        break
    }
  }
  return { listing, bids, sales }
}

// The store's shape of a listing: amounts in wei as decimal strings, times as ISO strings.
import type { BidRow } from "../db/market-bid"
import type { ListingRow } from "../db/market-listing"
import type { MarketAddresses } from "./settings"
import { dutchPriceAt, minimumNextBid } from "./pricing"

export type Artifact = { handle: string | null; title: string; thumbnail: string | null }

export type StoreListing = {
  id: string
  kind: ListingRow["kind"]
  asset: { type: "twin" | "shares"; contract: string; token_id: string; quantity: string; artifact: Artifact | null }
  seller: string
  price: string
  reserve_price: string | null
  start_price: string | null
  floor_price: string | null
  starts_at: string
  ends_at: string | null
  status: ListingRow["effective_status"]
  highest_bid: { bidder: string; amount: string } | null
  bid_count: number
  created_at: string
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString())

/** What a unit (fixed, Dutch) or the lot (English: the standing bid, else the reserve) costs at `now`. */
export function priceNow(row: ListingRow, now: Date): string {
  if (row.kind === "dutch" && row.floor_price && row.duration) return dutchPriceAt(row.price, row.floor_price, new Date(row.starts_at), row.duration, now)
  if (row.kind === "english") return row.high_bid ?? row.price
  return row.price
}

export function storeListing(row: ListingRow, artifact: Artifact | null, now: Date): StoreListing {
  return {
    id: row.listing_id,
    kind: row.kind,
    asset: { type: row.asset_type, contract: row.token_address, token_id: row.token_id, quantity: row.quantity, artifact },
    seller: row.seller,
    price: priceNow(row, now),
    reserve_price: row.kind === "english" ? row.price : null,
    start_price: row.kind === "dutch" ? row.price : null,
    floor_price: row.kind === "dutch" ? row.floor_price : null,
    starts_at: iso(row.starts_at) as string,
    ends_at: iso(row.ends_at),
    status: row.effective_status,
    highest_bid: row.high_bidder && row.high_bid ? { bidder: row.high_bidder, amount: row.high_bid } : null,
    bid_count: row.bid_count,
    created_at: iso(row.created_at) as string,
  }
}

export function listingDetail(
  row: ListingRow,
  artifact: Artifact | null,
  bids: BidRow[],
  royalty: { receiver: string; bps: number } | null,
  feeBps: number | null,
  now: Date,
) {
  const listing = storeListing(row, artifact, now)
  const timeLeft = row.ends_at ? Math.max(0, Math.floor((new Date(row.ends_at).getTime() - now.getTime()) / 1000)) : null
  return {
    ...listing,
    bids: bids.map((b) => ({ bidder: b.bidder, amount: b.amount, placed_at: iso(b.placed_at), tx_hash: b.tx_hash })),
    time_left_seconds: timeLeft,
    current_price: listing.price,
    min_next_bid: row.kind === "english" && row.effective_status === "active" ? minimumNextBid(row.price, row.high_bid, row.min_increment_bps ?? 0) : null,
    royalty,
    fee_bps: feeBps,
  }
}

export function marketConfig(chainId: number, a: MarketAddresses, feeBps: number | null, paused: boolean) {
  return { chain_id: chainId, market_address: a.market, twin_address: a.twin, shares_address: a.shares, fee_bps: feeBps, paused }
}

import type { ListingKind } from "@/lib/market/types"

export const KIND_LABELS: Record<ListingKind, string> = { fixed: "Fixed price", english: "Auction", dutch: "Dutch auction" }

/** The word before a card's price: what that figure is. */
export function priceCaption(kind: ListingKind, hasBid: boolean): string {
  if (kind === "english") return hasBid ? "Highest bid" : "Reserve"
  if (kind === "dutch") return "Price now"
  return "Price"
}

export const ACTIVITY_LABELS: Record<string, string> = {
  listed: "Listed",
  price_changed: "Price changed",
  cancelled: "Cancelled",
  bid: "Bid",
  extended: "Extended",
  settled: "Auction settled",
  sold: "Sold",
  offer_made: "Offer made",
  offer_accepted: "Offer accepted",
  offer_withdrawn: "Offer withdrawn",
  royalty_paid: "Royalty paid",
}

"use server"

import { rejected, type ActionResult } from "@pva/storefront-core"
import type { Listing, ListingDetail, MarketConfig, MarketOffer } from "../market/types"
import { asCustomer, asVisitor } from "./store-request"

// What the market's browser code asks after a page has loaded: the listing as it stands now
// (after a bid or a purchase), the market's addresses, and the signed-in collector's own
// listings, bids and offers (through the wallets linked to their account).

const LISTING_ID = /^\d{1,78}$/

export async function listingNow(id: string): Promise<ActionResult<ListingDetail>> {
  if (typeof id !== "string" || !LISTING_ID.test(id)) return rejected(400, "Which listing?")
  const res = await asVisitor<{ listing: ListingDetail }>("GET", `/store/market/listings/${id}`)
  return res.ok ? { ok: true, data: res.data.listing } : res
}

export async function marketAddresses(): Promise<ActionResult<MarketConfig>> {
  return asVisitor<MarketConfig>("GET", "/store/market/config")
}

export async function offersOn(contract: string, tokenId: string): Promise<ActionResult<MarketOffer[]>> {
  if (!/^0x[0-9a-fA-F]{40}$/.test(contract ?? "") || !/^\d{1,78}$/.test(tokenId ?? "")) return rejected(400, "Which token?")
  const q = new URLSearchParams({ contract, token_id: tokenId })
  const res = await asVisitor<{ offers: MarketOffer[] }>("GET", `/store/market/offers?${q}`)
  return res.ok ? { ok: true, data: res.data.offers } : res
}

export async function myMarketListings(): Promise<ActionResult<Listing[]>> {
  const res = await asCustomer<{ listings: Listing[] }>("GET", "/store/customers/me/market/listings")
  return res.ok ? { ok: true, data: res.data.listings } : res
}

/** A bid of the collector's: the auction it is on, the amount, and whether it still leads. */
export type MyBid = { listing_id: string; amount: string; placed_at: string | null; tx_hash: string | null; leading: boolean | null; title: string | null; ends_at: string | null }

export async function myMarketBids(): Promise<ActionResult<MyBid[]>> {
  const res = await asCustomer<{ bids: unknown[] }>("GET", "/store/customers/me/market/bids")
  return res.ok ? { ok: true, data: (res.data.bids ?? []).map(myBid).filter((b): b is MyBid => b !== null) } : res
}

// The server may send the listing whole or just its id, and say whether the bid leads: both read here.
function myBid(raw: unknown): MyBid | null {
  if (!raw || typeof raw !== "object") return null
  const r = raw as Record<string, unknown>
  const listing = (r.listing && typeof r.listing === "object" ? r.listing : null) as Partial<Listing> | null
  const listingId = typeof r.listing_id === "string" ? r.listing_id : typeof listing?.id === "string" ? listing.id : null
  const amount = typeof r.amount === "string" ? r.amount : null
  if (!listingId || !amount) return null
  const str = (v: unknown) => (typeof v === "string" ? v : null)
  const leading = typeof r.leading === "boolean" ? r.leading : typeof r.is_highest === "boolean" ? r.is_highest : null
  return { listing_id: listingId, amount, placed_at: str(r.placed_at), tx_hash: str(r.tx_hash), leading, title: listing?.asset?.artifact?.title ?? null, ends_at: str(listing?.ends_at) }
}

/** Offers the collector's wallets made, and open offers on what their wallets hold. */
export async function myMarketOffers(): Promise<ActionResult<{ made: MarketOffer[]; received: MarketOffer[] }>> {
  const res = await asCustomer<{ made: MarketOffer[]; received: MarketOffer[] }>("GET", "/store/customers/me/market/offers")
  return res.ok ? { ok: true, data: { made: res.data.made ?? [], received: res.data.received ?? [] } } : res
}

// A PVAMarket log as the read model keeps it (market_event), and how its decoded args read.

/** One applied log: what `market_event` stores, in chain order by (block_number, log_index). */
export type MarketLog = {
  id: string
  market_address: string
  event_name: string
  listing_id: string | null
  offer_id: string | null
  tx_hash: string
  block_number: number
  log_index: number
  occurred_at: Date
  args: Record<string, unknown>
}

/** A uint from chain sync's JSON (a number up to 48 bits, a decimal string above) as a decimal string. */
export function uintArg(args: Record<string, unknown>, name: string): string {
  const value = args[name]
  if (typeof value === "number" && Number.isInteger(value) && value >= 0) return String(value)
  if (typeof value === "string" && /^[0-9]+$/.test(value)) return value
  throw new Error(`PVAMarket log arg ${name} is not an unsigned integer: ${JSON.stringify(value)}`)
}

/** An address arg, lower case (as every table stores addresses). */
export function addressArg(args: Record<string, unknown>, name: string): string {
  const value = args[name]
  if (typeof value !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw new Error(`PVAMarket log arg ${name} is not an address`)
  return value.toLowerCase()
}

/** Addresses as every market table stores them: lower case. */
export const lowerAddresses = (addresses: readonly string[]) => addresses.map((a) => a.toLowerCase())

/** Seconds since the epoch (a uint64 arg) as a Date. */
export function timeArg(args: Record<string, unknown>, name: string): Date {
  return new Date(Number(uintArg(args, name)) * 1000)
}

/** Events that belong to one listing (their first arg is `listingId`). */
export const LISTING_EVENTS = new Set([
  "Listed",
  "DutchTerms",
  "AuctionTerms",
  "PriceChanged",
  "Cancelled",
  "Sold",
  "BidPlaced",
  "AuctionExtended",
  "AuctionSettled",
  "ListingInvalidated",
])
export const OFFER_EVENTS = new Set(["OfferMade", "OfferAccepted", "OfferWithdrawn"])
/** Paid out right after the sale they belong to, in the same transaction, without naming it. */
export const PAYOUT_EVENTS = new Set(["RoyaltyPaid", "FeePaid"])
/** Market-wide state: the platform fee, the pause. */
export const MARKET_STATE_EVENTS = new Set(["FeeSet", "Paused", "Unpaused"])

export const isTracked = (eventName: string) =>
  LISTING_EVENTS.has(eventName) || OFFER_EVENTS.has(eventName) || PAYOUT_EVENTS.has(eventName) || MARKET_STATE_EVENTS.has(eventName)

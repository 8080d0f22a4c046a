import type { Listing } from "./types"

// Time on a listing: how long is left, and what a Dutch auction asks at a moment (the same
// straight line from start to floor as PVAMarket, rounded the same way).

/** Seconds from `now` until `endsAt`, never negative; null when there is no end (an English auction before its first bid). */
export function secondsLeft(endsAt: string | null, now: number): number | null {
  if (!endsAt) return null
  const end = Date.parse(endsAt)
  if (Number.isNaN(end)) return null
  return Math.max(0, Math.floor((end - now) / 1000))
}

/** 93784 → "1d 2h 3m 4s"; under an hour "12m 05s"; 0 → "Ended". */
export function formatCountdown(seconds: number | null): string {
  if (seconds === null) return "Starts at the first bid"
  if (seconds <= 0) return "Ended"
  const d = Math.floor(seconds / 86_400)
  const h = Math.floor((seconds % 86_400) / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = seconds % 60
  if (d > 0) return `${d}d ${h}h ${m}m`
  if (h > 0) return `${h}h ${m}m ${String(s).padStart(2, "0")}s`
  return `${m}m ${String(s).padStart(2, "0")}s`
}

/** The unit price of a Dutch listing at `now` (ms): start − (start − floor) × elapsed / duration, floor after the end. */
export function dutchPriceAt(listing: Pick<Listing, "start_price" | "floor_price" | "starts_at" | "ends_at">, now: number): bigint | null {
  if (!listing.start_price || !listing.floor_price || !listing.starts_at || !listing.ends_at) return null
  const start = BigInt(listing.start_price)
  const floor = BigInt(listing.floor_price)
  const startsAt = BigInt(Math.floor(Date.parse(listing.starts_at) / 1000))
  const endsAt = BigInt(Math.floor(Date.parse(listing.ends_at) / 1000))
  const t = BigInt(Math.floor(now / 1000))
  if (t >= endsAt || endsAt <= startsAt) return floor
  if (t <= startsAt) return start
  return start - ((start - floor) * (t - startsAt)) / (endsAt - startsAt)
}

/** What a buyer pays for one unit now, or the bid to beat: the figure a card shows. */
export function headlinePrice(listing: Listing, now: number): bigint | null {
  if (listing.kind === "dutch") return dutchPriceAt(listing, now)
  if (listing.kind === "english") {
    const amount = listing.highest_bid?.amount ?? listing.reserve_price ?? listing.price
    return amount ? BigInt(amount) : null
  }
  return listing.price ? BigInt(listing.price) : null
}

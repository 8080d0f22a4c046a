// Prices that depend on the time of reading, exactly as PVAMarket computes them.

/** Dutch unit price at `at`: start − (start − floor) × elapsed / duration, the drop rounded down (MarketListings._unitPrice). */
export function dutchPriceAt(start: string, floor: string, startsAt: Date, durationSeconds: number, at: Date): string {
  const elapsed = Math.floor(at.getTime() / 1000) - Math.floor(startsAt.getTime() / 1000)
  if (elapsed >= durationSeconds) return floor
  if (elapsed <= 0) return start
  const drop = ((BigInt(start) - BigInt(floor)) * BigInt(elapsed)) / BigInt(durationSeconds)
  return String(BigInt(start) - drop)
}

/** The lowest bid an English auction accepts: the reserve, then the standing bid plus minIncrementBps of it, rounded up. */
export function minimumNextBid(reserve: string, highBid: string | null, minIncrementBps: number): string {
  if (!highBid || highBid === "0") return reserve
  const standing = BigInt(highBid)
  return String(standing + (standing * BigInt(minIncrementBps) + 9_999n) / 10_000n)
}

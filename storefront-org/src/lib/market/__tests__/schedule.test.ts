import { dutchPriceAt, formatCountdown, headlinePrice, secondsLeft } from "../schedule"
import type { Listing } from "../types"

const ETH = 10n ** 18n
const t0 = Date.parse("2026-12-06T10:00:00.000Z")

const dutch = {
  start_price: (3n * ETH).toString(),
  floor_price: (ETH / 2n).toString(),
  starts_at: new Date(t0).toISOString(),
  ends_at: new Date(t0 + 86_400_000).toISOString(),
}

describe("a Dutch auction's price", () => {
  it("falls in a straight line from start to floor, as PVAMarket computes it", () => {
    expect(dutchPriceAt(dutch, t0)).toBe(3n * ETH)
    expect(dutchPriceAt(dutch, t0 + 43_200_000)).toBe(1_750_000_000_000_000_000n)
    // start − (start − floor) × elapsed / duration, integer division like Solidity
    const elapsed = 12_345n
    expect(dutchPriceAt(dutch, t0 + Number(elapsed) * 1000)).toBe(3n * ETH - ((3n * ETH - ETH / 2n) * elapsed) / 86_400n)
  })

  it("stays at the floor after the end", () => {
    expect(dutchPriceAt(dutch, t0 + 90_000_000)).toBe(ETH / 2n)
  })
})

describe("time left on a listing", () => {
  it("counts whole seconds down to the end, never below zero", () => {
    expect(secondsLeft(dutch.ends_at, t0)).toBe(86_400)
    expect(secondsLeft(dutch.ends_at, t0 + 86_399_500)).toBe(0)
    expect(secondsLeft(dutch.ends_at, t0 + 99_000_000)).toBe(0)
    expect(secondsLeft(null, t0)).toBeNull()
  })

  it("reads as days, hours, minutes and seconds", () => {
    expect(formatCountdown(93_784)).toBe("1d 2h 3m")
    expect(formatCountdown(3_725)).toBe("1h 2m 05s")
    expect(formatCountdown(605)).toBe("10m 05s")
    expect(formatCountdown(0)).toBe("Ended")
    expect(formatCountdown(null)).toBe("Starts at the first bid")
  })
})

describe("the price a card shows", () => {
  const base: Listing = {
    id: "1", kind: "english", seller: "0x0", price: null, reserve_price: ETH.toString(), start_price: null, floor_price: null,
    starts_at: null, ends_at: null, status: "active", highest_bid: null, bid_count: 0, created_at: new Date(t0).toISOString(),
    asset: { type: "twin", contract: "0x1", token_id: "7", quantity: "1", artifact: null },
  }

  it("is the reserve of an auction without bids, then its highest bid", () => {
    expect(headlinePrice(base, t0)).toBe(ETH)
    expect(headlinePrice({ ...base, highest_bid: { bidder: "0x2", amount: (2n * ETH).toString() }, bid_count: 1 }, t0)).toBe(2n * ETH)
  })

  it("is the fixed price, or the Dutch price now", () => {
    expect(headlinePrice({ ...base, kind: "fixed", price: (3n * ETH).toString() }, t0)).toBe(3n * ETH)
    expect(headlinePrice({ ...base, kind: "dutch", ...dutch }, t0 + 43_200_000)).toBe(1_750_000_000_000_000_000n)
  })
})

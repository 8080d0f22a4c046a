// What the store computes at read time, held to the contract's rules: the Dutch price (the drop
// rounded down, the floor after the end), the next minimum bid (rounded up), and a collector's
// returns from their market trades.
import { dutchPriceAt, minimumNextBid } from "../pricing"
import { walletReturns } from "../returns"
import type { SaleRow } from "../../db/market-sale"

const start = new Date("2026-01-01T00:00:00Z")
const at = (seconds: number) => new Date(start.getTime() + seconds * 1000)

describe("the Dutch price", () => {
  it("falls linearly from the start to the floor, the drop rounded down, and stays at the floor", () => {
    expect(dutchPriceAt("3000", "1000", start, 100, at(0))).toBe("3000")
    expect(dutchPriceAt("3000", "1000", start, 100, at(50))).toBe("2000")
    // 2000 × 33 / 100 = 660 exactly; 2000 × 1 / 3 rounds the drop down (the seller's favour).
    expect(dutchPriceAt("3000", "1000", start, 100, at(33))).toBe("2340")
    expect(dutchPriceAt("1000", "1", start, 3, at(1))).toBe("667")
    expect(dutchPriceAt("3000", "1000", start, 100, at(100))).toBe("1000")
    expect(dutchPriceAt("3000", "1000", start, 100, at(5000))).toBe("1000")
  })
})

describe("the next minimum bid", () => {
  it("is the reserve without a bid, then the standing bid plus the increment rounded up", () => {
    expect(minimumNextBid("100", null, 500)).toBe("100")
    expect(minimumNextBid("100", "1000", 500)).toBe("1050")
    expect(minimumNextBid("100", "1001", 500)).toBe("1052")
  })
})

const sale = (over: Partial<SaleRow>): SaleRow => ({
  id: Math.random().toString(36),
  market_address: "0xmarket",
  listing_id: "1",
  offer_id: null,
  asset_type: "twin",
  token_address: "0xtwin",
  token_id: "7",
  quantity: "1",
  price: "0",
  buyer: "0xb",
  seller: "0xs",
  royalty_receiver: null,
  royalty_amount: "0",
  fee_amount: "0",
  tx_hash: "0x",
  block_number: 1,
  log_index: 0,
  occurred_at: start,
  ...over,
})

describe("a collector's returns", () => {
  it("a twin bought for 100 and sold for 150 (10 royalty, 5 fee) realizes 35", () => {
    const r = walletReturns(["0xme"], [sale({ buyer: "0xme", price: "100" }), sale({ seller: "0xme", buyer: "0xother", price: "150", royalty_amount: "10", fee_amount: "5" })], [], new Map())
    expect(r).toMatchObject({ cost_basis: "0", realized_return: "35", unrealized_return: "0", totalReturn: "35", returnPercentage: 35 })
  })

  it("shares still held are valued at the last market price against their cost", () => {
    const r = walletReturns(
      ["0xme"],
      [sale({ asset_type: "shares", token_address: "0xshares", token_id: "3", quantity: "10", buyer: "0xme", price: "1000" })],
      [{ contract: "0xshares", tokenId: "3", quantity: 10n }],
      new Map([["0xshares:3", "120"]]),
    )
    expect(r).toMatchObject({ cost_basis: "1000", realized_return: "0", unrealized_return: "200", totalReturn: "200", returnPercentage: 20 })
    expect(r.tokens[0]).toMatchObject({ held: "10", market_value: "1200" })
  })

  it("nothing bought on the market: no percentage", () => {
    expect(walletReturns(["0xme"], [], [], new Map()).returnPercentage).toBeNull()
  })
})

import { saleTerms, type SellForm } from "../sale-terms"

const ETH = 10n ** 18n
const form = (over: Partial<SellForm>): SellForm => ({
  kind: "fixed", quantity: "1", price: "", reserve: "", startPrice: "", floorPrice: "",
  durationHours: "24", minIncrementPercent: "5", extensionMinutes: "10", ...over,
})

describe("the sell form's terms", () => {
  it("lists a twin at a fixed price, always one at a time", () => {
    expect(saleTerms(form({ price: "1.5", quantity: "9" }), "twin", null)).toEqual({ ok: true, terms: { kind: "fixed", quantity: 1n, price: 1_500_000_000_000_000_000n } })
  })

  it("sets an English auction's reserve, raise, extension window and bidding time in the contract's units", () => {
    expect(saleTerms(form({ kind: "english", reserve: "1", minIncrementPercent: "2.5", extensionMinutes: "15", durationHours: "48" }), "twin", null)).toEqual({
      ok: true,
      terms: { kind: "english", quantity: 1n, reserve: ETH, durationSeconds: 172_800, minIncrementBps: 250, extensionSeconds: 900 },
    })
  })

  it("sets a Dutch schedule, and refuses a floor that is not below the start", () => {
    expect(saleTerms(form({ kind: "dutch", startPrice: "3", floorPrice: "0.5", durationHours: "0.25" }), "twin", null)).toEqual({
      ok: true,
      terms: { kind: "dutch", quantity: 1n, startPrice: 3n * ETH, floorPrice: ETH / 2n, durationSeconds: 900 },
    })
    expect(saleTerms(form({ kind: "dutch", startPrice: "1", floorPrice: "1" }), "twin", null)).toEqual({ ok: false, message: "The floor price must be below the start price." })
  })

  it("tells the seller what to fix before any gas is spent", () => {
    expect(saleTerms(form({ price: "" }), "twin", null)).toEqual({ ok: false, message: "Enter the price in ETH, for example 1.5." })
    expect(saleTerms(form({ price: "0" }), "twin", null)).toEqual({ ok: false, message: "Enter the price in ETH, for example 1.5." })
    expect(saleTerms(form({ kind: "english", reserve: "1", durationHours: "0.1" }), "twin", null)).toEqual({ ok: false, message: "Choose a duration from 15 minutes (0.25 hours) to 90 days (2160 hours)." })
    expect(saleTerms(form({ kind: "english", reserve: "1", extensionMinutes: "0" }), "twin", null)).toEqual({ ok: false, message: "Choose an extension window between 1 minute and 24 hours." })
    expect(saleTerms(form({ price: "1", quantity: "0" }), "shares", null)).toEqual({ ok: false, message: "Enter how many shares to sell (a whole number, at least 1)." })
    expect(saleTerms(form({ price: "1", quantity: "12" }), "shares", 10n)).toEqual({ ok: false, message: "You hold 10 of these shares." })
  })

  it("sells part of a shares holding", () => {
    expect(saleTerms(form({ price: "0.01", quantity: "4" }), "shares", 10n)).toEqual({ ok: true, terms: { kind: "fixed", quantity: 4n, price: 10_000_000_000_000_000n } })
  })
})

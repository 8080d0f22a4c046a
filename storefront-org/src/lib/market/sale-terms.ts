import { parseEth } from "./amounts"
import type { AssetType, ListingKind } from "./types"

// The sell form's fields → the terms PVAMarket takes, checked first against the contract's own
// bounds so a seller reads what to fix instead of paying gas for a revert.

export const MIN_DURATION_HOURS = 0.25 // the contract's 15 minutes
export const MAX_DURATION_HOURS = 90 * 24
const MAX_EXTENSION_MINUTES = 24 * 60
const UINT96_MAX = 2n ** 96n - 1n

export type SellForm = {
  kind: ListingKind
  quantity: string
  price: string
  reserve: string
  startPrice: string
  floorPrice: string
  durationHours: string
  minIncrementPercent: string
  extensionMinutes: string
}

export type Terms =
  | { kind: "fixed"; quantity: bigint; price: bigint }
  | { kind: "english"; quantity: bigint; reserve: bigint; durationSeconds: number; minIncrementBps: number; extensionSeconds: number }
  | { kind: "dutch"; quantity: bigint; startPrice: bigint; floorPrice: bigint; durationSeconds: number }

export type TermsResult = { ok: true; terms: Terms } | { ok: false; message: string }

export function saleTerms(form: SellForm, asset: AssetType, held: bigint | null): TermsResult {
  const quantity = asset === "twin" ? 1n : /^\d+$/.test(form.quantity.trim()) ? BigInt(form.quantity.trim()) : 0n
  if (quantity < 1n) return { ok: false, message: "Enter how many shares to sell (a whole number, at least 1)." }
  if (held !== null && quantity > held) return { ok: false, message: `You hold ${held} of these shares.` }

  const amount = (text: string, what: string): bigint | string => {
    const wei = parseEth(text)
    if (wei === null || wei === 0n) return `Enter the ${what} in ETH, for example 1.5.`
    if (wei > UINT96_MAX) return `The ${what} is too large.`
    return wei
  }
  const duration = (): number | string => {
    const hours = Number(form.durationHours)
    if (!Number.isFinite(hours) || hours < MIN_DURATION_HOURS || hours > MAX_DURATION_HOURS) return "Choose a duration from 15 minutes (0.25 hours) to 90 days (2160 hours)."
    return Math.round(hours * 3600)
  }

  if (form.kind === "fixed") {
    const price = amount(form.price, "price")
    return typeof price === "string" ? { ok: false, message: price } : { ok: true, terms: { kind: "fixed", quantity, price } }
  }
  if (form.kind === "english") {
    const reserve = amount(form.reserve, "reserve price")
    if (typeof reserve === "string") return { ok: false, message: reserve }
    const durationSeconds = duration()
    if (typeof durationSeconds === "string") return { ok: false, message: durationSeconds }
    const increment = Number(form.minIncrementPercent)
    if (!Number.isFinite(increment) || increment < 0.01 || increment > 100) return { ok: false, message: "Choose a minimum raise between 0.01% and 100%." }
    const extension = Number(form.extensionMinutes)
    if (!Number.isFinite(extension) || extension <= 0 || extension > MAX_EXTENSION_MINUTES) return { ok: false, message: "Choose an extension window between 1 minute and 24 hours." }
    return { ok: true, terms: { kind: "english", quantity, reserve, durationSeconds, minIncrementBps: Math.round(increment * 100), extensionSeconds: Math.round(extension * 60) } }
  }
  const startPrice = amount(form.startPrice, "start price")
  if (typeof startPrice === "string") return { ok: false, message: startPrice }
  const floorPrice = amount(form.floorPrice, "floor price")
  if (typeof floorPrice === "string") return { ok: false, message: floorPrice }
  if (floorPrice >= startPrice) return { ok: false, message: "The floor price must be below the start price." }
  const durationSeconds = duration()
  if (typeof durationSeconds === "string") return { ok: false, message: durationSeconds }
  return { ok: true, terms: { kind: "dutch", quantity, startPrice, floorPrice, durationSeconds } }
}

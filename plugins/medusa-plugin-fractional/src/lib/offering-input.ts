// Validation of what an admin sends to create or edit an offering: pure, every message says
// what is wrong.
import { MedusaError } from "medusa-core-utils"

export const MIN_SHARES = 10
export const MAX_SHARES = 10_000

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

export interface OfferingInput {
  title: string
  artifact_product_id: string | null
  twin_token_id: string | null
  total_shares: number
  price_usd: number
  price_eur: number
  investor_cap: number | null
  lockup_until: Date | null
}

function wholeNumber(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}`)
  }
  return value
}

/** Prices are minor units per share: `{ usd: 625, eur: 575 }` is $6.25 / €5.75. */
export function parseOfferingInput(body: any, existing?: Partial<OfferingInput>): OfferingInput {
  if (!body || typeof body !== "object") throw invalid("Send the offering as a JSON object")
  const merged = { ...existing, ...body }
  const title = merged.title
  if (typeof title !== "string" || !title.trim() || title.length > 200) throw invalid("title must be a non-empty string of at most 200 characters")
  const total_shares = wholeNumber(merged.total_shares, "total_shares", MIN_SHARES, MAX_SHARES)
  const prices = body.prices ?? { usd: existing?.price_usd, eur: existing?.price_eur }
  if (!prices || typeof prices !== "object") throw invalid("prices must be { usd, eur } in cents per share")
  const price_usd = wholeNumber(prices.usd, "prices.usd (cents per share)", 1, 100_000_000)
  const price_eur = wholeNumber(prices.eur, "prices.eur (cents per share)", 1, 100_000_000)
  const investor_cap =
    merged.investor_cap === undefined || merged.investor_cap === null ? null : wholeNumber(merged.investor_cap, "investor_cap", 1, total_shares)
  let lockup_until: Date | null = null
  if (merged.lockup_until !== undefined && merged.lockup_until !== null) {
    lockup_until = new Date(merged.lockup_until)
    if (typeof merged.lockup_until !== "string" && !(merged.lockup_until instanceof Date)) throw invalid("lockup_until must be an ISO date")
    if (Number.isNaN(lockup_until.getTime())) throw invalid(`lockup_until must be an ISO date, got ${JSON.stringify(merged.lockup_until)}`)
    // Checked when sent, not when an older draft is edited: a past date would lock nothing.
    if (body.lockup_until !== undefined && lockup_until.getTime() <= Date.now()) {
      throw invalid(`lockup_until must be in the future (holders cannot transfer before it), got ${JSON.stringify(merged.lockup_until)}`)
    }
  }
  let twin_token_id: string | null = null
  if (merged.twin_token_id !== undefined && merged.twin_token_id !== null) {
    twin_token_id = String(merged.twin_token_id)
    if (!/^\d{1,78}$/.test(twin_token_id)) throw invalid("twin_token_id must be a non-negative integer (the PVATwin token id)")
  }
  const artifact = merged.artifact_product_id
  if (artifact !== undefined && artifact !== null && typeof artifact !== "string") throw invalid("artifact_product_id must be a product id")
  if (!artifact && twin_token_id === null) throw invalid("Name the artifact: artifact_product_id (a twin-eligible product) or twin_token_id (a minted twin)")
  return { title: title.trim(), artifact_product_id: artifact || null, twin_token_id, total_shares, price_usd, price_eur, investor_cap, lockup_until }
}

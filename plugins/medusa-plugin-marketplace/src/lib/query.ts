// Store query strings, checked: every bad filter is a 400 that says what is accepted.
import { MedusaError } from "medusa-core-utils"
import type { ListingFilter, ListingSort, ListingStatusName } from "../db/market-listing"
import type { ListingKindName } from "./listing-fold"

export function invalid(message: string): never {
  throw new MedusaError(MedusaError.Types.INVALID_DATA, message)
}

type Query = Record<string, unknown>

function oneOf<T extends string>(query: Query, name: string, allowed: readonly T[]): T | undefined {
  const raw = query[name]
  if (raw === undefined || raw === "") return undefined
  if (typeof raw !== "string" || !(allowed as readonly string[]).includes(raw)) invalid(`${name} must be one of ${allowed.join(", ")}`)
  return raw as T
}

function wei(query: Query, name: string): string | undefined {
  const raw = query[name]
  if (raw === undefined || raw === "") return undefined
  if (typeof raw !== "string" || !/^[0-9]{1,78}$/.test(raw)) invalid(`${name} must be an amount in wei: a whole number as a decimal string`)
  return raw
}

export function page(query: Query, defaultLimit = 20, maxLimit = 100): { limit: number; offset: number } {
  const limit = query.limit === undefined || query.limit === "" ? defaultLimit : Number(query.limit)
  const offset = query.offset === undefined || query.offset === "" ? 0 : Number(query.offset)
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) invalid(`limit must be an integer from 1 to ${maxLimit}`)
  if (!Number.isInteger(offset) || offset < 0) invalid("offset must be a non-negative integer")
  return { limit, offset }
}

/** A token or listing id: a decimal uint256. */
export function uintParam(raw: unknown, name: string): string {
  if (typeof raw !== "string" || !/^[0-9]{1,78}$/.test(raw)) invalid(`${name} must be a whole number`)
  return raw.replace(/^0+(?=\d)/, "")
}

export function optionalUint(query: Query, name: string): string | undefined {
  const raw = query[name]
  if (raw === undefined || raw === "") return undefined
  return uintParam(raw, name)
}

export function optionalAddress(query: Query, name: string): string | undefined {
  const raw = query[name]
  if (raw === undefined || raw === "") return undefined
  if (typeof raw !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(raw)) invalid(`${name} must be a 0x-prefixed contract address`)
  return raw.toLowerCase()
}

export const LISTING_KINDS: readonly ListingKindName[] = ["fixed", "english", "dutch"]
export const LISTING_STATUSES: readonly ListingStatusName[] = ["active", "sold", "cancelled", "ended", "invalid"]
export const LISTING_SORTS: readonly ListingSort[] = ["ending_soon", "newest", "price_asc", "price_desc"]

export function listingFilter(query: Query): ListingFilter {
  const minPrice = wei(query, "min_price")
  const maxPrice = wei(query, "max_price")
  if (minPrice !== undefined && maxPrice !== undefined && BigInt(minPrice) > BigInt(maxPrice)) invalid("min_price must not be above max_price")
  return {
    kind: oneOf(query, "kind", LISTING_KINDS),
    asset: oneOf(query, "asset", ["twin", "shares"] as const),
    status: oneOf(query, "status", LISTING_STATUSES) ?? "active",
    minPrice,
    maxPrice,
    sort: oneOf(query, "sort", LISTING_SORTS) ?? "newest",
    ...page(query),
  }
}

import { parseEth } from "./amounts"
import type { AssetType, ListingKind } from "./types"

// /market's search params ↔ the store API's listing query. Prices are typed in ETH and sent in
// wei; anything unrecognised is dropped (a hand-edited URL still shows the market).

export const PAGE_SIZE = 24
export const KINDS: { value: ListingKind; label: string }[] = [
  { value: "fixed", label: "Fixed price" },
  { value: "english", label: "Auction" },
  { value: "dutch", label: "Dutch auction" },
]
export const ASSETS: { value: AssetType; label: string }[] = [
  { value: "twin", label: "Digital twins" },
  { value: "shares", label: "Shares" },
]
export const SORTS = [
  { value: "ending_soon", label: "Ending soon" },
  { value: "newest", label: "Newest" },
  { value: "price_asc", label: "Price: low to high" },
  { value: "price_desc", label: "Price: high to low" },
] as const
export type Sort = (typeof SORTS)[number]["value"]

export type MarketFilters = {
  kind: ListingKind | null
  asset: AssetType | null
  minPrice: string
  maxPrice: string
  sort: Sort
  page: number
}

type SearchParams = Record<string, string | string[] | undefined>

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ""

export function filtersFrom(params: SearchParams): MarketFilters {
  const kind = KINDS.find((k) => k.value === one(params.kind))?.value ?? null
  const asset = ASSETS.find((a) => a.value === one(params.asset))?.value ?? null
  const sort = SORTS.find((s) => s.value === one(params.sort))?.value ?? "newest"
  const priceText = (v: string) => (parseEth(v) === null ? "" : v.trim())
  const page = Number.parseInt(one(params.page), 10)
  let minPrice = priceText(one(params.min_price))
  let maxPrice = priceText(one(params.max_price))
  // A range typed the wrong way round means the same range.
  if (minPrice && maxPrice && (parseEth(minPrice) as bigint) > (parseEth(maxPrice) as bigint)) [minPrice, maxPrice] = [maxPrice, minPrice]
  return {
    kind,
    asset,
    minPrice,
    maxPrice,
    sort,
    page: Number.isFinite(page) && page > 1 ? Math.min(page, 10_000) : 1,
  }
}

/** The store API query for one page of these filters. */
export function apiQuery(filters: MarketFilters): URLSearchParams {
  const q = new URLSearchParams({ sort: filters.sort, limit: String(PAGE_SIZE), offset: String((filters.page - 1) * PAGE_SIZE) })
  if (filters.kind) q.set("kind", filters.kind)
  if (filters.asset) q.set("asset", filters.asset)
  const min = filters.minPrice ? parseEth(filters.minPrice) : null
  const max = filters.maxPrice ? parseEth(filters.maxPrice) : null
  if (min !== null) q.set("min_price", min.toString())
  if (max !== null) q.set("max_price", max.toString())
  return q
}

/** The /market URL of these filters on `page` (defaults dropped, so links stay short). */
export function marketHref(filters: MarketFilters, page: number): string {
  const q = new URLSearchParams()
  if (filters.kind) q.set("kind", filters.kind)
  if (filters.asset) q.set("asset", filters.asset)
  if (filters.minPrice) q.set("min_price", filters.minPrice)
  if (filters.maxPrice) q.set("max_price", filters.maxPrice)
  if (filters.sort !== "newest") q.set("sort", filters.sort)
  if (page > 1) q.set("page", String(page))
  const s = q.toString()
  return s ? `/market?${s}` : "/market"
}

/** The catalog query a storefront asks, validated; prices are in the currency's minor unit (cents). */
export type CatalogParams = {
  q?: string
  category?: string
  collection?: string
  /** A partner cooperative's handle. */
  partner?: string
  priceMin?: number
  priceMax?: number
  inStock: boolean
  archetype?: string
  sort: CatalogSort
  page: number
  limit: number
  regionId?: string
}

export const SORTS = ["relevance", "price_asc", "price_desc", "newest"] as const
export type CatalogSort = (typeof SORTS)[number]
export const MAX_LIMIT = 100
export const DEFAULT_LIMIT = 24
const MAX_Q = 200
const MAX_PAGE = 1000
const KNOWN = ["q", "category", "collection", "partner", "price_min", "price_max", "in_stock", "archetype", "sort", "page", "limit", "region_id"]

export class CatalogParamError extends Error {}

function one(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name]
  if (value === undefined) return undefined
  if (typeof value !== "string") throw new CatalogParamError(`${name} must be given once, as a plain value`)
  return value
}

function wholeNumber(query: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const raw = one(query, name)
  if (raw === undefined || raw === "") return undefined
  const value = Number(raw)
  if (!/^-?\d+$/.test(raw.trim()) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new CatalogParamError(`${name} must be a whole number from ${min} to ${max}, got "${raw.slice(0, 40)}"`)
  }
  return value
}

function flag(query: Record<string, unknown>, name: string): boolean {
  const raw = one(query, name)
  if (raw === undefined || raw === "" || raw === "false" || raw === "0") return false
  if (raw === "true" || raw === "1") return true
  throw new CatalogParamError(`${name} must be true or false, got "${raw.slice(0, 40)}"`)
}

/** Reads `GET /store/catalog`'s query string; any mistake is a CatalogParamError naming the parameter. */
export function parseCatalogParams(query: Record<string, unknown>): CatalogParams {
  const unknown = Object.keys(query).filter((k) => !KNOWN.includes(k))
  if (unknown.length) throw new CatalogParamError(`unknown parameter ${unknown.join(", ")}; the catalog takes ${KNOWN.join(", ")}`)

  const q = one(query, "q")?.trim()
  if (q && q.length > MAX_Q) throw new CatalogParamError(`q must be at most ${MAX_Q} characters`)
  const sortRaw = one(query, "sort")
  if (sortRaw !== undefined && sortRaw !== "" && !(SORTS as readonly string[]).includes(sortRaw)) {
    throw new CatalogParamError(`sort must be one of ${SORTS.join(", ")}, got "${sortRaw.slice(0, 40)}"`)
  }
  const priceMin = wholeNumber(query, "price_min", 0, Number.MAX_SAFE_INTEGER)
  const priceMax = wholeNumber(query, "price_max", 0, Number.MAX_SAFE_INTEGER)
  if (priceMin !== undefined && priceMax !== undefined && priceMin > priceMax) {
    throw new CatalogParamError(`price_min (${priceMin}) must not be more than price_max (${priceMax})`)
  }
  const text = (name: string) => one(query, name)?.trim() || undefined
  return {
    q: q || undefined,
    category: text("category"),
    collection: text("collection"),
    partner: text("partner"),
    priceMin,
    priceMax,
    inStock: flag(query, "in_stock"),
    archetype: text("archetype"),
    sort: (sortRaw || "relevance") as CatalogSort,
    page: wholeNumber(query, "page", 1, MAX_PAGE) ?? 1,
    limit: wholeNumber(query, "limit", 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
    regionId: text("region_id"),
  }
}

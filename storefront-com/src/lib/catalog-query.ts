/** A listing page's filters as the shopper's URL carries them; prices are in minor units (cents). */
export type CatalogQuery = {
  q?: string
  category?: string
  /** A partner cooperative's handle. */
  partner?: string
  min?: number
  max?: number
  inStockOnly: boolean
  sort: "featured" | "price-asc" | "price-desc" | "newest"
  page: number
}

export const PER_PAGE = 12
const SORTS = { featured: "relevance", "price-asc": "price_asc", "price-desc": "price_desc", newest: "newest" } as const
const MAX_PAGE = 1000

/** Reads filters from the URL, ignoring values that make no sense rather than failing the page. */
export function parseCatalogQuery(params: Record<string, string | string[] | undefined>): CatalogQuery {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : (params[k] as string | undefined))
  const money = (k: string) => {
    const v = Number(one(k))
    return one(k) !== undefined && one(k) !== "" && Number.isFinite(v) && v >= 0 && v < 1e12 ? Math.round(v * 100) : undefined
  }
  const page = Math.min(MAX_PAGE, Math.max(1, Math.floor(Number(one("page")) || 1)))
  const sort = Object.keys(SORTS).includes(one("sort") ?? "") ? (one("sort") as CatalogQuery["sort"]) : "featured"
  let [min, max] = [money("min"), money("max")]
  if (min !== undefined && max !== undefined && min > max) [min, max] = [max, min]
  const q = one("q")?.trim().slice(0, 200) || undefined
  const partner = /^[a-z0-9][a-z0-9-]{0,99}$/.test(one("partner") ?? "") ? one("partner") : undefined
  return { q, category: one("category") || undefined, partner, min, max, inStockOnly: one("in_stock") === "1", sort, page }
}

/** The `GET /store/catalog` parameters for a listing page; `fixed` pins the page's own category or collection. */
export function catalogParams(query: CatalogQuery, opts: { regionId: string; category?: string; collection?: string; limit?: number }) {
  const params = new URLSearchParams({ region_id: opts.regionId, sort: SORTS[query.sort], page: String(query.page), limit: String(opts.limit ?? PER_PAGE) })
  if (query.q) params.set("q", query.q)
  const category = opts.category ?? query.category
  if (category) params.set("category", category)
  if (opts.collection) params.set("collection", opts.collection)
  if (query.partner) params.set("partner", query.partner)
  if (query.min !== undefined) params.set("price_min", String(query.min))
  if (query.max !== undefined) params.set("price_max", String(query.max))
  if (query.inStockOnly) params.set("in_stock", "true")
  return params
}

/** The link to another page of the same listing, keeping the shopper's filters. */
export function pageHref(basePath: string, query: CatalogQuery, page: number, opts: { keepCategory: boolean }) {
  const params = new URLSearchParams()
  if (query.q) params.set("q", query.q)
  if (query.category && opts.keepCategory) params.set("category", query.category)
  if (query.partner) params.set("partner", query.partner)
  if (query.min !== undefined) params.set("min", String(query.min / 100))
  if (query.max !== undefined) params.set("max", String(query.max / 100))
  if (query.inStockOnly) params.set("in_stock", "1")
  if (query.sort !== "featured") params.set("sort", query.sort)
  params.set("page", String(page))
  return `${basePath}?${params}`
}

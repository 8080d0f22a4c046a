import { cheapestAmount, inStock } from "@pva/storefront-core"

export type CatalogQuery = {
  category?: string
  min?: number
  max?: number
  inStockOnly: boolean
  sort: "featured" | "price-asc" | "price-desc" | "newest" | "title"
  page: number
}

export const PER_PAGE = 12
const SORTS = ["featured", "price-asc", "price-desc", "newest", "title"] as const

type Listable = { title: string; created_at: string; categories: string[]; variants: any[] }

/** Reads filters from the URL, ignoring values that make no sense rather than failing the page. */
export function parseCatalogQuery(params: Record<string, string | string[] | undefined>): CatalogQuery {
  const one = (k: string) => (Array.isArray(params[k]) ? params[k]![0] : (params[k] as string | undefined))
  const money = (k: string) => {
    const v = Number(one(k))
    return one(k) !== undefined && one(k) !== "" && Number.isFinite(v) && v >= 0 ? Math.round(v * 100) : undefined
  }
  const page = Math.max(1, Math.floor(Number(one("page")) || 1))
  const sort = (SORTS as readonly string[]).includes(one("sort") ?? "") ? (one("sort") as CatalogQuery["sort"]) : "featured"
  return { category: one("category") || undefined, min: money("min"), max: money("max"), inStockOnly: one("in_stock") === "1", sort, page }
}

/** Filters, sorts and pages products for a currency; prices compare in minor units. */
export function queryCatalog<T extends Listable>(products: T[], query: CatalogQuery, currencyCode: string, categoryIds?: string[]) {
  const priceOf = (p: T) => cheapestAmount(p.variants, currencyCode)
  let items = products.filter((p) => {
    if (categoryIds && !p.categories.some((c) => categoryIds.includes(c))) return false
    const price = priceOf(p)
    if (query.min !== undefined && (price === null || price < query.min)) return false
    if (query.max !== undefined && (price === null || price > query.max)) return false
    if (query.inStockOnly && !p.variants.some(inStock)) return false
    return true
  })
  const byPrice = (a: T, b: T) => (priceOf(a) ?? Infinity) - (priceOf(b) ?? Infinity)
  if (query.sort === "price-asc") items = [...items].sort(byPrice)
  if (query.sort === "price-desc") items = [...items].sort((a, b) => byPrice(b, a))
  if (query.sort === "newest") items = [...items].sort((a, b) => b.created_at.localeCompare(a.created_at))
  if (query.sort === "title") items = [...items].sort((a, b) => a.title.localeCompare(b.title))
  const pages = Math.max(1, Math.ceil(items.length / PER_PAGE))
  const page = Math.min(query.page, pages)
  return { items: items.slice((page - 1) * PER_PAGE, page * PER_PAGE), total: items.length, page, pages }
}

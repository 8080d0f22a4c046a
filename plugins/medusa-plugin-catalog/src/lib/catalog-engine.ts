import type { CatalogParams } from "./catalog-params"

/** A catalog query with every name resolved to ids, ready for an engine. */
export type ResolvedCatalogQuery = CatalogParams & {
  salesChannelIds: string[]
  regionId: string
  currencyCode: string
  categoryId?: string
  collectionId?: string
  /** An approved, active partner's handle (the service checks it exists). */
  partnerHandle?: string
  /** The categories the asked archetype has an affinity with. */
  archetypeCategoryIds?: string[]
}

export type CatalogItem = {
  id: string
  title: string
  subtitle: string | null
  handle: string | null
  thumbnail: string | null
  collection_id: string | null
  category_ids: string[]
  partner: { id: string; name: string; handle: string; country: string; country_code: string | null } | null
  digital_twin: boolean
  /** Medusa's calculated price: the cheapest variant's, price lists included. */
  price: { amount: number; currency_code: string } | null
  /** Only while a price list lowers the price: what it was before (a storefront strikes it through). */
  original_price?: { amount: number; currency_code: string }
  in_stock: boolean
  created_at: string
}

/** What an engine answers: facet counts are by id; the service adds names. */
export type EngineResult = {
  products: CatalogItem[]
  count: number
  categoryCounts: Record<string, number>
  /** By partner handle; products without a partner are not counted. */
  partnerCounts: Record<string, number>
  /** Counts per bucket of PRICE_BUCKET_BOUNDS, index 0 = the first bucket. */
  priceBucketCounts: number[]
  inStock: { in_stock: number; out_of_stock: number }
}

/** Each facet counts with every filter applied except its own, so a shopper sees what choosing it would give. */
export interface CatalogEngine {
  readonly name: "postgres" | "meilisearch"
  search(query: ResolvedCatalogQuery): Promise<EngineResult>
}

/** Lower bounds of the price facet's buckets, in the currency's minor unit; the last is open-ended. */
export const PRICE_BUCKET_BOUNDS = [0, 5_000, 10_000, 25_000, 50_000, 100_000]

export function priceBuckets(counts: number[], currencyCode: string) {
  return PRICE_BUCKET_BOUNDS.map((min, i) => ({
    min,
    max: PRICE_BUCKET_BOUNDS[i + 1] ?? null,
    currency_code: currencyCode,
    count: counts[i] ?? 0,
  }))
}

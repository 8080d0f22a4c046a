import { MeiliSearch } from "meilisearch"
import { PRICE_BUCKET_BOUNDS, type CatalogEngine, type CatalogItem, type EngineResult, type ResolvedCatalogQuery } from "../lib/catalog-engine"

export const MEILI_INDEX = "pva_catalog"

export type MeiliOptions = { host: string; apiKey?: string; index?: string }

/** One document per product × region, from the read model; its storefronts are a filterable list. */
export type CatalogDocument = Omit<CatalogItem, "id" | "price" | "original_price" | "created_at"> & {
  id: string
  product_id: string
  region_id: string
  currency_code: string
  sales_channel_ids: string[]
  price?: number
  original_price?: number
  created_at: number
  twin_rank: number
  search_text: string
}

export const INDEX_SETTINGS = {
  searchableAttributes: ["title", "search_text"],
  filterableAttributes: ["sales_channel_ids", "region_id", "category_ids", "collection_id", "partner.handle", "price", "in_stock", "product_id"],
  sortableAttributes: ["price", "created_at", "twin_rank"],
  faceting: { maxValuesPerFacet: 1000 },
  pagination: { maxTotalHits: 100_000 },
}

const quote = (value: string) => JSON.stringify(value)
const list = (values: string[]) => `[${values.map(quote).join(", ")}]`

type Facet = "category" | "collection" | "partner" | "price" | "stock" | "archetype"

/** The same catalog as the Postgres engine, answered by Meilisearch from a mirror of the read model. */
export class MeilisearchCatalogEngine implements CatalogEngine {
  readonly name = "meilisearch" as const
  private readonly client: MeiliSearch
  private readonly index: string

  constructor(options: MeiliOptions) {
    this.client = new MeiliSearch({ host: options.host, apiKey: options.apiKey })
    this.index = options.index ?? MEILI_INDEX
  }

  async search(query: ResolvedCatalogQuery): Promise<EngineResult> {
    const scope = [`sales_channel_ids IN ${list(query.salesChannelIds)}`, `region_id = ${quote(query.regionId)}`]
    const filters: Record<Facet, string | null> = {
      category: query.categoryId ? `category_ids = ${quote(query.categoryId)}` : null,
      collection: query.collectionId ? `collection_id = ${quote(query.collectionId)}` : null,
      partner: query.partnerHandle ? `partner.handle = ${quote(query.partnerHandle)}` : null,
      price:
        query.priceMin !== undefined || query.priceMax !== undefined
          ? [`price >= ${query.priceMin ?? 0}`, query.priceMax !== undefined ? `price <= ${query.priceMax}` : null].filter(Boolean).join(" AND ")
          : null,
      stock: query.inStock ? "in_stock = true" : null,
      archetype: query.archetypeCategoryIds ? (query.archetypeCategoryIds.length ? `category_ids IN ${list(query.archetypeCategoryIds)}` : "product_id = \"\"") : null,
    }
    const filter = (except?: Facet, extra: string[] = []) => [
      ...scope,
      ...(Object.keys(filters) as Facet[]).filter((k) => k !== except && filters[k]).map((k) => filters[k] as string),
      ...extra,
    ]
    const sort = {
      relevance: query.q ? undefined : ["twin_rank:desc", "created_at:desc"],
      price_asc: ["price:asc"],
      price_desc: ["price:desc"],
      newest: ["created_at:desc"],
    }[query.sort]
    const base = { indexUid: this.index, q: query.q ?? "" }
    const buckets = PRICE_BUCKET_BOUNDS.map((min, i) => {
      const max = PRICE_BUCKET_BOUNDS[i + 1]
      return { ...base, filter: filter("price", [`price >= ${min}`, ...(max !== undefined ? [`price < ${max}`] : [])]), hitsPerPage: 0, page: 1 }
    })
    const { results } = await this.client.multiSearch({
      queries: [
        { ...base, filter: filter(), sort, hitsPerPage: query.limit, page: query.page },
        { ...base, filter: filter("category"), facets: ["category_ids"], hitsPerPage: 0, page: 1 },
        { ...base, filter: filter("stock"), facets: ["in_stock"], hitsPerPage: 0, page: 1 },
        { ...base, filter: filter("partner"), facets: ["partner.handle"], hitsPerPage: 0, page: 1 },
        ...buckets,
      ],
    })
    const [main, categories, stock, partners, ...priced] = results as any[]
    const stockCounts = stock.facetDistribution?.in_stock ?? {}
    return {
      products: main.hits.map(toItem),
      count: main.totalHits,
      categoryCounts: categories.facetDistribution?.category_ids ?? {},
      partnerCounts: partners.facetDistribution?.["partner.handle"] ?? {},
      priceBucketCounts: priced.map((r) => r.totalHits),
      inStock: { in_stock: stockCounts.true ?? 0, out_of_stock: stockCounts.false ?? 0 },
    }
  }
}

function toItem(doc: CatalogDocument): CatalogItem {
  return {
    id: doc.product_id,
    title: doc.title,
    subtitle: doc.subtitle,
    handle: doc.handle,
    thumbnail: doc.thumbnail,
    collection_id: doc.collection_id,
    category_ids: doc.category_ids,
    partner: doc.partner,
    digital_twin: doc.digital_twin,
    price: doc.price === undefined ? null : { amount: doc.price, currency_code: doc.currency_code },
    ...(doc.price !== undefined && doc.original_price !== undefined && doc.original_price > doc.price
      ? { original_price: { amount: doc.original_price, currency_code: doc.currency_code } }
      : {}),
    in_stock: doc.in_stock,
    created_at: new Date(doc.created_at).toISOString(),
  }
}

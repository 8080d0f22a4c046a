import { PRICE_BUCKET_BOUNDS, type ResolvedCatalogQuery } from "./catalog-engine"

type Facet = "category" | "collection" | "partner" | "price" | "stock" | "archetype"

/**
 * One statement for the whole answer: the page, the total and the three facets, over
 * the rows of the storefront's channel and region that match the text query.
 * Text matches either the full-text index (stems, weights) or, for typos, the trigram
 * index (`<%`: word similarity of the query to some stretch of the text >= 0.6).
 */
export function buildCatalogSql(query: ResolvedCatalogQuery): { text: string; params: unknown[] } {
  const params: unknown[] = []
  const p = (value: unknown) => {
    params.push(value)
    return `$${params.length}`
  }

  const channelCond = query.salesChannelIds.length === 1 ? `e.sales_channel_id = ${p(query.salesChannelIds[0])}` : `e.sales_channel_id = ANY(${p(query.salesChannelIds)}::text[])`
  const region = p(query.regionId)
  let match = ""
  let rank = "0::real"
  if (query.q) {
    const q = p(query.q)
    match = `AND (e.search @@ websearch_to_tsquery('english', ${q}) OR ${q} <% e.search_text)`
    rank = `(ts_rank_cd(e.search, websearch_to_tsquery('english', ${q})) + word_similarity(${q}, e.search_text))::real`
  }
  // a product in two of the storefront's channels is one product
  const distinct = query.salesChannelIds.length > 1 ? "DISTINCT ON (e.product_id)" : ""

  const filters: Record<Facet, string | null> = {
    category: query.categoryId ? `category_ids @> ARRAY[${p(query.categoryId)}]::text[]` : null,
    collection: query.collectionId ? `collection_id = ${p(query.collectionId)}` : null,
    partner: query.partnerHandle ? `partner_handle = ${p(query.partnerHandle)}` : null,
    price:
      query.priceMin !== undefined || query.priceMax !== undefined
        ? [query.priceMin !== undefined ? `price >= ${p(query.priceMin)}` : "price IS NOT NULL", query.priceMax !== undefined ? `price <= ${p(query.priceMax)}` : null]
            .filter(Boolean)
            .join(" AND ")
        : null,
    stock: query.inStock ? "in_stock" : null,
    archetype: query.archetypeCategoryIds ? `category_ids && ${p(query.archetypeCategoryIds)}::text[]` : null,
  }
  const where = (except?: Facet) => {
    const parts = (Object.keys(filters) as Facet[]).filter((k) => k !== except && filters[k]).map((k) => filters[k])
    return parts.length ? `WHERE ${parts.join(" AND ")}` : ""
  }
  const also = (except: Facet | undefined, extra: string) => (where(except) ? `${where(except)} AND ${extra}` : `WHERE ${extra}`)

  const order = {
    relevance: query.q ? "rank DESC, in_stock DESC, product_created_at DESC, product_id" : "digital_twin DESC, product_created_at DESC, product_id",
    price_asc: "price ASC NULLS LAST, product_id",
    price_desc: "price DESC NULLS LAST, product_id",
    newest: "product_created_at DESC, product_id",
  }[query.sort]
  const limit = p(query.limit)
  const offset = p((query.page - 1) * query.limit)
  const bounds = p(PRICE_BUCKET_BOUNDS)

  const text = `
WITH base AS MATERIALIZED (
  SELECT ${distinct} e.product_id, e.collection_id, e.category_ids, e.digital_twin, e.price, e.in_stock, e.product_created_at, e.partner ->> 'handle' AS partner_handle, ${rank} AS rank
    FROM catalog_entry e
   WHERE ${channelCond} AND e.region_id = ${region} ${match}
   ${distinct ? "ORDER BY e.product_id" : ""}
)
SELECT
  (SELECT count(*)::int FROM base ${where()}) AS count,
  (SELECT COALESCE(json_agg(json_build_object(
            'id', e.product_id, 'title', e.title, 'subtitle', e.subtitle, 'handle', e.handle, 'thumbnail', e.thumbnail,
            'collection_id', e.collection_id, 'category_ids', e.category_ids, 'partner', e.partner, 'digital_twin', e.digital_twin,
            'price', CASE WHEN e.price IS NULL THEN NULL ELSE json_build_object('amount', e.price, 'currency_code', e.currency_code) END,
            'original_price', CASE WHEN e.original_price > e.price THEN json_build_object('amount', e.original_price, 'currency_code', e.currency_code) END,
            'in_stock', e.in_stock, 'created_at', e.product_created_at) ORDER BY ${qualify(order, "page")}), '[]'::json)
     FROM (SELECT * FROM base ${where()} ORDER BY ${order} LIMIT ${limit} OFFSET ${offset}) page
     CROSS JOIN LATERAL (
       SELECT * FROM catalog_entry e
        WHERE e.product_id = page.product_id AND e.region_id = ${region} AND ${channelCond}
        LIMIT 1
     ) e
  ) AS products,
  (SELECT COALESCE(json_object_agg(category_id, n), '{}'::json)
     FROM (SELECT c AS category_id, count(*)::int AS n FROM base CROSS JOIN LATERAL unnest(category_ids) c ${where("category")} GROUP BY c) f
  ) AS category_counts,
  (SELECT COALESCE(json_object_agg(partner_handle, n), '{}'::json)
     FROM (SELECT partner_handle, count(*)::int AS n FROM base ${also("partner", "partner_handle IS NOT NULL")} GROUP BY 1) f
  ) AS partner_counts,
  (SELECT COALESCE(json_object_agg(bucket, n), '{}'::json)
     FROM (SELECT width_bucket(price, ${bounds}::bigint[]) AS bucket, count(*)::int AS n FROM base ${also("price", "price IS NOT NULL")} GROUP BY 1) f
  ) AS price_counts,
  (SELECT json_build_object('in_stock', count(*) FILTER (WHERE in_stock), 'out_of_stock', count(*) FILTER (WHERE NOT in_stock))
     FROM base ${where("stock")}
  ) AS stock_counts`
  return { text, params }
}

/** "price ASC NULLS LAST, product_id" → "page.price ASC NULLS LAST, page.product_id" */
function qualify(order: string, table: string): string {
  return order
    .split(",")
    .map((part) => `${table}.${part.trim()}`)
    .join(", ")
}

/** Turns the statement's one row into counts by bucket index (width_bucket numbers buckets from 1). */
export function bucketCounts(byBucket: Record<string, number>): number[] {
  return PRICE_BUCKET_BOUNDS.map((_, i) => Number(byBucket[String(i + 1)] ?? 0))
}

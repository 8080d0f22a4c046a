import { MedusaError } from "medusa-core-utils"
import type { Archetype } from "../lib/archetypes"
import { PerCallService } from "@pva/medusa-kit/service"

export type RecommendationReason = "archetype" | "co-purchase" | "popular"

export type RecommendationQuery = {
  salesChannelIds: string[]
  limit: number
  archetype?: Archetype
  customerId?: string
  productId?: string
}

/**
 * How much each signal counts. Affinity weights are 0.7–1.0 for the shopper's own
 * archetype and half that when nobody's archetype is known, so a product that fits
 * the shopper outranks one that is merely popular. Any co-purchase evidence is worth
 * at least a generic fit (0.6) and the strongest pair as much as a perfect one
 * (1.2): "bought together" is the most specific thing we know.
 */
export const BLEND = { affinity: 1, unknownArchetype: 0.5, copurchaseFloor: 0.6, copurchaseSpan: 0.6, popularity: 0.35 }

/**
 * Candidate pools: the best-fitting products for the archetype (most popular first
 * among equal fits), the most co-purchased, and the most popular. Capping them keeps
 * a request's cost flat however large the catalog grows.
 */
export const CANDIDATES = { affinity: 500, copurchase: 300, popular: 200 }

// One statement: who the shopper is, what they bought, candidate products from each
// signal, the blend, and the storefront/stock/already-bought filters.
export const RANK_SQL = `
WITH bought AS (
  SELECT DISTINCT v.product_id
    FROM "order" o
    JOIN line_item li ON li.order_id = o.id
    JOIN product_variant v ON v.id = li.variant_id
   WHERE $3::text IS NOT NULL AND o.customer_id = $3
),
who AS (
  SELECT COALESCE(
    $2::text,
    (SELECT r.archetype FROM archetype_result r WHERE r.customer_id = $3 ORDER BY r.created_at DESC LIMIT 1),
    (SELECT a.archetype FROM archetype_category_affinity a
       JOIN product_category_product pcp ON pcp.product_category_id = a.category_id
      WHERE pcp.product_id = $4 GROUP BY a.archetype ORDER BY max(a.weight) DESC, a.archetype LIMIT 1)
  ) AS archetype
),
seeds AS (
  SELECT $4::text AS product_id WHERE $4::text IS NOT NULL
  UNION SELECT product_id FROM bought
),
affinity AS (
  SELECT pcp.product_id,
         max(a.weight)::float * CASE WHEN (SELECT archetype FROM who) IS NULL THEN ${BLEND.unknownArchetype} ELSE 1 END AS score
    FROM archetype_category_affinity a
    JOIN product_category_product pcp ON pcp.product_category_id = a.category_id
   WHERE a.archetype = (SELECT archetype FROM who) OR (SELECT archetype FROM who) IS NULL
   GROUP BY pcp.product_id
),
affinity_pool AS (
  SELECT a.product_id, a.score
    FROM affinity a LEFT JOIN archetype_product_popularity pp USING (product_id)
   ORDER BY a.score DESC, pp.score DESC NULLS LAST
   LIMIT ${CANDIDATES.affinity}
),
co AS (
  SELECT c.related_product_id AS product_id, sum(c.orders)::float AS orders
    FROM archetype_product_copurchase c
   WHERE c.product_id IN (SELECT product_id FROM seeds)
   GROUP BY c.related_product_id
   ORDER BY orders DESC
   LIMIT ${CANDIDATES.copurchase}
),
popular AS (
  SELECT product_id, score FROM archetype_product_popularity ORDER BY score DESC LIMIT ${CANDIDATES.popular}
),
candidates AS (
  SELECT product_id FROM affinity_pool UNION SELECT product_id FROM co UNION SELECT product_id FROM popular
),
scored AS (
  SELECT c.product_id,
         COALESCE(a.score, 0) * ${BLEND.affinity} AS affinity,
         CASE WHEN co.orders > 0
              THEN ${BLEND.copurchaseFloor} + ${BLEND.copurchaseSpan} * co.orders / max(co.orders) OVER ()
              ELSE 0 END AS copurchase,
         COALESCE(pp.score / NULLIF((SELECT max(score) FROM archetype_product_popularity), 0), 0) * ${BLEND.popularity} AS popularity
    FROM candidates c
    LEFT JOIN affinity_pool a USING (product_id)
    LEFT JOIN co USING (product_id)
    LEFT JOIN archetype_product_popularity pp USING (product_id)
)
SELECT s.product_id, s.affinity, s.copurchase, s.popularity, (SELECT archetype FROM who) AS archetype
  FROM scored s
  JOIN product p ON p.id = s.product_id
 WHERE p.status = 'published' AND p.deleted_at IS NULL
   AND ($4::text IS NULL OR s.product_id <> $4)
   AND s.product_id NOT IN (SELECT product_id FROM bought)
   AND EXISTS (SELECT 1 FROM product_sales_channel psc
                WHERE psc.product_id = p.id AND psc.sales_channel_id = ANY($1::text[]))
   AND EXISTS (SELECT 1 FROM product_variant v
                WHERE v.product_id = p.id AND v.deleted_at IS NULL
                  AND (v.inventory_quantity > 0 OR v.allow_backorder OR NOT v.manage_inventory))
 ORDER BY s.affinity + s.copurchase + s.popularity DESC, s.product_id
 LIMIT $5`

const PRODUCTS_SQL = `
SELECT p.id, p.title, p.subtitle, p.handle, p.thumbnail, p.description,
       json_agg(json_build_object(
         'id', v.id, 'title', v.title, 'sku', v.sku,
         'inventory_quantity', v.inventory_quantity,
         'allow_backorder', v.allow_backorder, 'manage_inventory', v.manage_inventory,
         'prices', (SELECT COALESCE(json_agg(json_build_object('currency_code', ma.currency_code, 'amount', ma.amount, 'region_id', ma.region_id)), '[]'::json)
                      FROM product_variant_money_amount pvma
                      JOIN money_amount ma ON ma.id = pvma.money_amount_id
                     WHERE pvma.variant_id = v.id AND pvma.deleted_at IS NULL AND ma.deleted_at IS NULL
                       AND ma.price_list_id IS NULL AND ma.min_quantity IS NULL AND ma.max_quantity IS NULL)
       ) ORDER BY v.variant_rank, v.created_at) AS variants
  FROM product p
  JOIN product_variant v ON v.product_id = p.id AND v.deleted_at IS NULL
 WHERE p.id = ANY($1::text[])
 GROUP BY p.id`

/** Recommendations for a storefront: archetype affinity, co-purchase and popularity, blended. */
class RecommendationService extends PerCallService {
  async recommend(query: RecommendationQuery) {
    const ranked: any[] = await this.activeManager_.query(RANK_SQL, [
      query.salesChannelIds,
      query.archetype ?? null,
      query.customerId ?? null,
      query.productId ?? null,
      query.limit,
    ])
    if (ranked.length === 0) return { archetype: query.archetype ?? null, recommendations: [] }

    const products: any[] = await this.activeManager_.query(PRODUCTS_SQL, [ranked.map((r) => r.product_id)])
    const byId = new Map(products.map((p) => [p.id, p]))
    return {
      archetype: ranked[0].archetype ?? null,
      recommendations: ranked
        .filter((r) => byId.has(r.product_id))
        .map((r) => ({
          product: byId.get(r.product_id),
          reason: reasonOf(r),
          score: Math.round((r.affinity + r.copurchase + r.popularity) * 1000) / 1000,
        })),
    }
  }

  async assertProductExists(productId: string) {
    const [row] = await this.activeManager_.query(`SELECT 1 FROM product WHERE id = $1 AND deleted_at IS NULL`, [productId])
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `product_id: product "${productId}" was not found`)
  }
}

/** The signal that contributed most; co-purchase wins ties because it is the most specific evidence. */
function reasonOf(row: { affinity: number; copurchase: number; popularity: number }): RecommendationReason {
  if (row.copurchase > 0 && row.copurchase >= row.affinity && row.copurchase >= row.popularity) return "co-purchase"
  if (row.affinity > 0 && row.affinity >= row.popularity) return "archetype"
  return "popular"
}

export default RecommendationService

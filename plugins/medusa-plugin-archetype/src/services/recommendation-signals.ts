import { PerCallService } from "@pva/medusa-kit/service"

/** Popularity halves in about three weeks: last month's demand counts, last season's fades. */
export const POPULARITY_DECAY_DAYS = 30
export const POPULARITY_WINDOW_DAYS = 90
/** Pairs kept per product by a full refresh: the long tail of one-off pairs is noise, and cost. */
export const COPURCHASE_KEEP = 50
/** How long (× 200 ms) an order.placed subscriber waits for the order to become visible. */
const ORDER_VISIBLE_ATTEMPTS = 50

// Incremental updates share the lock; a full refresh takes it alone, so an order is
// counted either by the refresh's snapshot or by its own update, never both.
const LOCK = `hashtext('archetype_recommendation_signals')`

const ORDER_PRODUCTS = `
  SELECT v.product_id, sum(li.quantity)::float AS quantity
    FROM line_item li JOIN product_variant v ON v.id = li.variant_id
   WHERE li.order_id = $1
   GROUP BY v.product_id`

/**
 * Co-purchase pairs and popularity, precomputed so a recommendation request reads
 * them with index lookups. Orders update them as they are placed; an hourly refresh
 * rebuilds both from the order table (decaying popularity, healing missed events).
 */
class RecommendationSignalsService extends PerCallService {
  /** Counts one placed order; a repeated call for the same order changes nothing. */
  async recordOrder(orderId: string): Promise<boolean> {
    // order.placed can reach subscribers before the order's transaction commits.
    for (let attempt = 0; attempt < ORDER_VISIBLE_ATTEMPTS; attempt++) {
      const [visible] = await this.activeManager_.query(`SELECT 1 FROM "order" WHERE id = $1`, [orderId])
      if (visible) break
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
    return this.atomicPhase_(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock_shared(${LOCK})`)
      const [first] = await manager.query(
        `INSERT INTO archetype_order_signal (order_id) SELECT id FROM "order" WHERE id = $1
         ON CONFLICT DO NOTHING RETURNING order_id`,
        [orderId]
      )
      if (!first) return false
      await manager.query(
        `INSERT INTO archetype_product_popularity (product_id, score)
         SELECT product_id, quantity FROM (${ORDER_PRODUCTS}) items
         ON CONFLICT (product_id) DO UPDATE
           SET score = archetype_product_popularity.score + EXCLUDED.score, updated_at = now()`,
        [orderId]
      )
      await manager.query(
        `WITH items AS (${ORDER_PRODUCTS})
         INSERT INTO archetype_product_copurchase (product_id, related_product_id, orders)
         SELECT a.product_id, b.product_id, 1 FROM items a JOIN items b ON a.product_id <> b.product_id
         ON CONFLICT (product_id, related_product_id) DO UPDATE
           SET orders = archetype_product_copurchase.orders + 1`,
        [orderId]
      )
      return true
    })
  }

  /** Rebuilds both signals from every order that has not been canceled. */
  async refreshAll(): Promise<{ orders: number; pairs: number; products: number }> {
    return this.atomicPhase_(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(${LOCK})`)
      await manager.query(`CREATE TEMP TABLE archetype_counted ON COMMIT DROP AS
        SELECT id AS order_id, created_at FROM "order" WHERE status <> 'canceled'`)
      await manager.query(`CREATE TEMP TABLE archetype_order_products ON COMMIT DROP AS
        SELECT li.order_id, v.product_id, sum(li.quantity)::float AS quantity, min(c.created_at) AS created_at
          FROM archetype_counted c
          JOIN line_item li ON li.order_id = c.order_id
          JOIN product_variant v ON v.id = li.variant_id
         GROUP BY li.order_id, v.product_id`)
      await manager.query(`CREATE INDEX ON archetype_order_products (order_id)`)

      await manager.query(`DELETE FROM archetype_product_popularity`)
      await manager.query(
        `INSERT INTO archetype_product_popularity (product_id, score)
         SELECT product_id, sum(quantity * exp(-extract(epoch FROM now() - created_at) / 86400 / $1))
           FROM archetype_order_products
          WHERE created_at > now() - make_interval(days => $2)
          GROUP BY product_id`,
        [POPULARITY_DECAY_DAYS, POPULARITY_WINDOW_DAYS]
      )
      await manager.query(`DELETE FROM archetype_product_copurchase`)
      await manager.query(
        `INSERT INTO archetype_product_copurchase (product_id, related_product_id, orders)
         SELECT product_id, related_product_id, orders FROM (
           SELECT a.product_id, b.product_id AS related_product_id, count(*) AS orders,
                  row_number() OVER (PARTITION BY a.product_id ORDER BY count(*) DESC, b.product_id) AS rank
             FROM archetype_order_products a
             JOIN archetype_order_products b ON a.order_id = b.order_id AND a.product_id <> b.product_id
            GROUP BY a.product_id, b.product_id
         ) pairs
          WHERE rank <= $1`,
        [COPURCHASE_KEEP]
      )
      await manager.query(
        `INSERT INTO archetype_order_signal (order_id) SELECT order_id FROM archetype_counted ON CONFLICT DO NOTHING`
      )
      await manager.query(`ANALYZE archetype_product_copurchase, archetype_product_popularity`)
      const [counts] = await manager.query(
        `SELECT (SELECT count(*)::int FROM archetype_counted) AS orders,
                (SELECT count(*)::int FROM archetype_product_copurchase) AS pairs,
                (SELECT count(*)::int FROM archetype_product_popularity) AS products`
      )
      return counts
    })
  }
}

export default RecommendationSignalsService

import type { EntityManager } from "typeorm"
import type { CatalogEngine, EngineResult, ResolvedCatalogQuery } from "../lib/catalog-engine"
import { bucketCounts, buildCatalogSql } from "../lib/postgres-query"

/**
 * How alike a query word and a word of the product must be to match: pg_trgm's default
 * (0.6) misses one dropped letter in a short word ("emrald" is 0.5 like "emerald").
 */
const TYPO_SIMILARITY = 0.45

/** The default engine: the read model in the shop's own Postgres. */
export class PostgresCatalogEngine implements CatalogEngine {
  readonly name = "postgres" as const

  constructor(private readonly manager: EntityManager) {}

  async search(query: ResolvedCatalogQuery): Promise<EngineResult> {
    const { text, params } = buildCatalogSql(query)
    const [row] = query.q
      ? await this.manager.transaction(async (m) => {
          await m.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(TYPO_SIMILARITY)])
          return m.query(text, params)
        })
      : await this.manager.query(text, params)
    // SQL answers a null original price; the API leaves it out unless a price list lowered the price
    for (const product of row.products) if (product.original_price === null) delete product.original_price
    return {
      products: row.products,
      count: row.count,
      categoryCounts: row.category_counts,
      partnerCounts: row.partner_counts,
      priceBucketCounts: bucketCounts(row.price_counts),
      inStock: row.stock_counts,
    }
  }
}

import { defineTable, pg, type RowOf } from "@pva/medusa-kit"

// The precomputed signals recommendations read. The recommendation-signals service writes them
// in one batch across the three tables (see services/recommendation-signals.ts).

/** Orders that contained both products; kept in both directions so lookups are one index scan. */
export const archetypeProductCopurchaseTable = defineTable("archetype_product_copurchase", {
  product_id: pg.text,
  related_product_id: pg.text,
  orders: pg.int4,
})

/** Recent demand for a product, decayed with age so last month counts more than last season. */
export const archetypeProductPopularityTable = defineTable("archetype_product_popularity", {
  product_id: pg.text,
  score: pg.float8,
  updated_at: pg.timestamptz,
})

/** Orders already counted in the signals, so a re-delivered order.placed counts once. */
export const archetypeOrderSignalTable = defineTable("archetype_order_signal", {
  order_id: pg.text,
  counted_at: pg.timestamptz,
})

export type ProductCopurchaseRow = RowOf<typeof archetypeProductCopurchaseTable>
export type ProductPopularityRow = RowOf<typeof archetypeProductPopularityTable>

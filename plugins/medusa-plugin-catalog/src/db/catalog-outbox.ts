// catalog_outbox: products whose entries are due for a rebuild, written by triggers on Medusa's
// tables (see the read model migration) and drained by lib/read-model.ts.
import { defineTable, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const catalogOutboxTable = defineTable("catalog_outbox", {
  id: pg.int8,
  product_id: pg.text.orNull,
  created_at: pg.timestamptz,
})

export type CatalogOutboxRow = RowOf<typeof catalogOutboxTable>

export type CatalogStatus = { entries: number; products: number; waiting: number; oldest_wait_s: number | null }

/** How big the read model is and how far behind its outbox is. */
export async function catalogStatus(db: SqlRunner): Promise<CatalogStatus> {
  const row = await selectRow<CatalogStatus>(
    db,
    `SELECT (SELECT count(*)::int FROM catalog_entry) AS entries,
            (SELECT count(DISTINCT product_id)::int FROM catalog_entry) AS products,
            (SELECT count(*)::int FROM catalog_outbox) AS waiting,
            (SELECT extract(epoch FROM now() - min(created_at))::float FROM catalog_outbox) AS oldest_wait_s`
  )
  return row!
}

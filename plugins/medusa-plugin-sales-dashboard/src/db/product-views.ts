// The product-view counter's one home. A view adds one to its product's count for the day
// (UTC); nothing about the viewer (address, cookie, customer) is stored, so the funnel's
// "viewed" stage carries no personal data.
import { defineTable, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import type { DayRange } from "../lib/date-range"

export const productViewDayTable = defineTable("product_view_day", {
  day: pg.date,
  product_id: pg.text,
  views: pg.int4,
})

export type ProductViewDayRow = RowOf<typeof productViewDayTable>

/** Counts a view of a published product; false when there is no such product (nothing counted). */
export async function recordProductView(db: SqlRunner, productId: string): Promise<boolean> {
  const counted = await selectRows<Pick<ProductViewDayRow, "product_id">>(
    db,
    `INSERT INTO product_view_day (day, product_id, views)
     SELECT (now() AT TIME ZONE 'UTC')::date, id, 1 FROM product WHERE id = $1 AND status = 'published' AND deleted_at IS NULL
     ON CONFLICT (day, product_id) DO UPDATE SET views = product_view_day.views + 1
     RETURNING product_id`,
    [productId]
  )
  return counted.length > 0
}

/** Product views in the range. */
export async function productViewsInRange(db: SqlRunner, range: DayRange): Promise<number> {
  const row = await selectRow<{ views: string | null }>(db, `SELECT sum(views)::text AS views FROM product_view_day WHERE day BETWEEN $1 AND $2`, [
    range.from,
    range.to,
  ])
  return Number(row?.views ?? 0)
}

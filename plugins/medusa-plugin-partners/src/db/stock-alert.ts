// A row means "this variant is at or below its reorder point and has been alerted"; it is
// removed when stock rises above the point, which re-arms the alert.
import { defineTable, execute, pg, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const stockAlertTable = defineTable("stock_alert", {
  variant_id: pg.text,
  quantity: pg.int4,
  reorder_point: pg.int4,
  created_at: pg.timestamptz,
})

export type StockAlertRow = RowOf<typeof stockAlertTable>

/** Re-arms the alerts of variants whose stock rose above their reorder point. */
export async function rearmAlerts(db: SqlRunner, variantIds: string[]): Promise<void> {
  if (variantIds.length) await execute(db, `DELETE FROM stock_alert WHERE variant_id = ANY($1)`, [variantIds])
}

/** Records the alert unless one is armed already; true when this call raised it. */
export async function raiseAlert(db: SqlRunner, alert: Pick<StockAlertRow, "variant_id" | "quantity" | "reorder_point">): Promise<boolean> {
  const inserted = await execute(
    db,
    `INSERT INTO stock_alert (variant_id, quantity, reorder_point) VALUES ($1, $2, $3)
     ON CONFLICT (variant_id) DO NOTHING RETURNING variant_id`,
    [alert.variant_id, alert.quantity, alert.reorder_point]
  )
  return inserted > 0
}

import type { EntityManager } from "typeorm"
import { raiseAlert, rearmAlerts } from "../db/stock-alert"

/**
 * Low stock is a state, not an event: a `stock_alert` row exists while a variant
 * sits at or below its product's reorder point. Inserting that row (ON CONFLICT
 * DO NOTHING, in the caller's transaction) is what decides that this crossing is
 * new, so concurrent orders produce one alert, and nothing repeats until stock
 * rises above the point and the row is removed.
 *
 * The alert events are emitted through Medusa's event bus with the same
 * transaction, which stages them in `staged_job`: they exist exactly when the
 * stock change that caused them committed.
 */
import { LOW_STOCK as LOW_STOCK_EVENT, REORDER_REQUESTED as REORDER_REQUEST_EVENT, type LowStockEventData } from "@pva/medusa-kit/events"
export { LOW_STOCK_EVENT, REORDER_REQUEST_EVENT, type LowStockEventData }

export async function reconcileStockAlerts(manager: EntityManager, eventBus: any, variantIds: string[]): Promise<LowStockEventData[]> {
  if (!variantIds.length) return []
  const rows = await manager.query(
    `SELECT v.id, v.sku, v.title AS variant_title, v.inventory_quantity AS quantity,
            p.id AS product_id, p.title AS product_title, p.reorder_point,
            pa.id AS partner_id, pa.name AS partner_name, pa.contact_email AS partner_email
       FROM product_variant v
       JOIN product p ON p.id = v.product_id
       LEFT JOIN partner pa ON pa.id = p.partner_id
      WHERE v.id = ANY($1) AND v.deleted_at IS NULL AND v.manage_inventory`,
    [variantIds]
  )
  const recovered = rows.filter((r: any) => r.quantity > r.reorder_point).map((r: any) => r.id)
  await rearmAlerts(manager, recovered)

  const low = rows.filter((r: any) => r.quantity <= r.reorder_point)
  const crossed: LowStockEventData[] = []
  for (const r of low) {
    if (!(await raiseAlert(manager, { variant_id: r.id, quantity: r.quantity, reorder_point: r.reorder_point }))) continue
    crossed.push({
      id: r.id,
      sku: r.sku,
      product_id: r.product_id,
      product_title: r.product_title,
      variant_title: r.variant_title,
      quantity: r.quantity,
      reorder_point: r.reorder_point,
      partner: r.partner_id ? { id: r.partner_id, name: r.partner_name, contact_email: r.partner_email } : null,
    })
  }
  if (crossed.length && eventBus) {
    const bus = eventBus.withTransaction(manager)
    for (const data of crossed) {
      await bus.emit(LOW_STOCK_EVENT, data)
      if (data.partner?.contact_email) await bus.emit(REORDER_REQUEST_EVENT, data)
    }
  }
  return crossed
}

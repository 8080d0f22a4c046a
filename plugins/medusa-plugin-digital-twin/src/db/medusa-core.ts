// What this plugin reads of Medusa's own tables (orders, line items, customers); Medusa's
// migrations own them, so no drift test covers them here.
import { selectRow, selectRows, type SqlRunner } from "@pva/medusa-kit"

/** Payment states in which an order's twins may exist and be claimed. */
export const PAID_ORDER_STATES = ["captured", "partially_refunded"]

export type OrderState = { id: string; status: string; payment_status: string; email: string | null; customer_id: string | null; pva_number: string | null }

export function orderState(db: SqlRunner, orderId: string): Promise<OrderState | null> {
  return selectRow(db, `SELECT id, status, payment_status, email, customer_id, pva_number FROM "order" WHERE id = $1`, [orderId])
}

/** Units of twin-eligible pieces in the order: its twins-to-be. */
export async function eligibleUnitsOf(db: SqlRunner, orderId: string): Promise<number> {
  const row = await selectRow<{ units: number }>(
    db,
    `SELECT COALESCE(sum(li.quantity), 0)::int AS units FROM line_item li
       JOIN product_variant v ON v.id = li.variant_id JOIN product p ON p.id = v.product_id
      WHERE li.order_id = $1 AND p.metadata->>'digital_twin' = 'true'`,
    [orderId]
  )
  return row?.units ?? 0
}

export type EligibleItem = {
  line_item_id: string
  quantity: number
  variant_id: string
  sku: string | null
  product_id: string
  title: string
  description: string | null
  metadata: { twin_traits?: unknown } | null
  customer_id: string | null
  email: string | null
}

/** The order's twin-eligible line items with their product, in the order they were added. */
export function eligibleItemsOf(db: SqlRunner, orderId: string): Promise<EligibleItem[]> {
  return selectRows(
    db,
    `SELECT li.id AS line_item_id, li.quantity, li.variant_id, v.sku, p.id AS product_id, p.title, p.description, p.metadata,
            o.customer_id, o.email
       FROM line_item li
       JOIN "order" o ON o.id = li.order_id
       JOIN product_variant v ON v.id = li.variant_id
       JOIN product p ON p.id = v.product_id
      WHERE li.order_id = $1 AND p.metadata->>'digital_twin' = 'true'
      ORDER BY li.created_at, li.id`,
    [orderId]
  )
}

/** The registered customer with this email (the seed's dev customer), if any. */
export async function registeredCustomerId(db: SqlRunner, email: string): Promise<string | null> {
  const row = await selectRow<{ id: string }>(db, `SELECT id FROM customer WHERE email = $1 AND has_account AND deleted_at IS NULL LIMIT 1`, [email])
  return row?.id ?? null
}

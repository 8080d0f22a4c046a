import type { EntityManager } from "typeorm"
import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import { webhookReceivers } from "../db/partner"
import { enqueueDelivery } from "../db/webhook-delivery"

export type OrderWebhookType = "order.placed" | "order.paid" | "order.refunded" | "order.canceled" | "order.shipment_created"

/** What `order.refunded` adds to `data`: the amount of this refund (minor units) and whether the order is now refunded in full. */
export type RefundSummary = { amount: number; reason: string; full: boolean }

type ItemRow = {
  partner_id: string
  line_item_id: string
  title: string
  sku: string | null
  variant_id: string
  product_id: string
  quantity: number
  unit_price: number
  includes_tax: boolean
  tax_lines: Array<{ name: string; code: string | null; rate: number }>
}

/** A line's tax as the partner's invoice needs it: names, codes and rates, and whether `unit_price` holds it (EU VAT). */
const TAX_COLUMNS = `li.includes_tax,
                (SELECT COALESCE(json_agg(json_build_object('name', t.name, 'code', t.code, 'rate', t.rate) ORDER BY t.name), '[]'::json)
                   FROM line_item_tax_line t WHERE t.item_id = li.id) AS tax_lines`

/**
 * Writes one webhook delivery per partner with items in an order, using the
 * caller's transaction manager: the row commits or rolls back together with the
 * order change it reports, so a crash can neither lose an event nor invent one.
 * Each partner's body carries only its own line items.
 */
export async function enqueueOrderWebhooks(
  manager: EntityManager,
  type: OrderWebhookType,
  orderId: string,
  opts: { fulfillmentId?: string; refund?: RefundSummary } = {}
): Promise<string[]> {
  const [order] = await manager.query(
    `SELECT o.id, o.pva_number, o.display_id, o.currency_code, o.created_at,
            a.first_name, a.last_name, a.company, a.address_1, a.address_2, a.city,
            a.province, a.postal_code, a.country_code, a.phone
       FROM "order" o LEFT JOIN address a ON a.id = o.shipping_address_id
      WHERE o.id = $1`,
    [orderId]
  )
  if (!order) return []

  // For a shipment only the shipped quantities of that fulfillment are reported.
  const items: ItemRow[] = opts.fulfillmentId
    ? await manager.query(
        `SELECT p.partner_id, li.id AS line_item_id, li.title, v.sku, v.id AS variant_id, p.id AS product_id,
                fi.quantity, li.unit_price, ${TAX_COLUMNS}
           FROM fulfillment_item fi
           JOIN line_item li ON li.id = fi.item_id
           JOIN product_variant v ON v.id = li.variant_id
           JOIN product p ON p.id = v.product_id
          WHERE fi.fulfillment_id = $1 AND p.partner_id IS NOT NULL
          ORDER BY li.created_at, li.id`,
        [opts.fulfillmentId]
      )
    : await manager.query(
        `SELECT p.partner_id, li.id AS line_item_id, li.title, v.sku, v.id AS variant_id, p.id AS product_id,
                li.quantity, li.unit_price, ${TAX_COLUMNS}
           FROM line_item li
           JOIN product_variant v ON v.id = li.variant_id
           JOIN product p ON p.id = v.product_id
          WHERE li.order_id = $1 AND p.partner_id IS NOT NULL
          ORDER BY li.created_at, li.id`,
        [orderId]
      )
  if (!items.length) return []

  const partnerIds = [...new Set(items.map((i) => i.partner_id))]
  // Customer data goes only to partners an admin approved and has not deactivated.
  const partners = await webhookReceivers(manager, partnerIds)
  const tracking = opts.fulfillmentId
    ? (await manager.query(`SELECT tracking_number, url FROM tracking_link WHERE fulfillment_id = $1 AND deleted_at IS NULL`, [opts.fulfillmentId]))
    : undefined

  const timestamp = new Date().toISOString()
  const ids: string[] = []
  for (const partnerId of partners) {
    const id = generateEntityId(undefined, "msg")
    const body = JSON.stringify({
      type,
      timestamp,
      data: {
        order: {
          id: order.id,
          pva_number: order.pva_number,
          display_id: order.display_id,
          currency_code: order.currency_code,
          placed_at: order.created_at,
        },
        shipping_address: {
          first_name: order.first_name,
          last_name: order.last_name,
          company: order.company,
          address_1: order.address_1,
          address_2: order.address_2,
          city: order.city,
          province: order.province,
          postal_code: order.postal_code,
          country_code: order.country_code,
          phone: order.phone,
        },
        items: items
          .filter((i) => i.partner_id === partnerId)
          .map((i) => ({
            line_item_id: i.line_item_id,
            sku: i.sku,
            title: i.title,
            variant_id: i.variant_id,
            product_id: i.product_id,
            quantity: i.quantity,
            unit_price: i.unit_price,
            includes_tax: i.includes_tax,
            tax_lines: i.tax_lines,
          })),
        ...(opts.fulfillmentId ? { fulfillment_id: opts.fulfillmentId, tracking } : {}),
        ...(opts.refund ? { refund: opts.refund } : {}),
      },
    })
    await enqueueDelivery(manager, { id, partner_id: partnerId, event_type: type, order_id: orderId, body })
    ids.push(id)
  }
  return ids
}

// The partners' emails (low stock to the store's admin, the reorder request to the partner),
// rendered here and sent by the store's notification provider.
import { esc, layout, TEXT_FOOTER, type EmailContext, type PluginEmails, type OutgoingEmail, type RenderedEmail } from "@pva/medusa-kit/email"
import { LOW_STOCK, REORDER_REQUESTED, type LowStockEventData } from "@pva/medusa-kit/events"

export type StockData = {
  sku: string | null
  product_title: string
  variant_title?: string
  quantity: number
  reorder_point: number
  partner: { name: string; contact_email: string | null } | null
}

export function lowStockAlert(d: StockData): RenderedEmail {
  const subject = `Low stock: ${d.product_title}${d.sku ? ` (${d.sku})` : ""} has ${d.quantity} left`
  const html = layout(
    "Low stock alert",
    `<p><strong>${esc(d.product_title)}</strong>${d.sku ? ` (SKU ${esc(d.sku)})` : ""} is at <strong>${esc(d.quantity)}</strong> units,
at or below its reorder point of ${esc(d.reorder_point)}.</p>
<p>${d.partner ? `A reorder request has been sent to ${esc(d.partner.name)}.` : "This product has no partner: reorder it manually."}</p>`
  )
  const text =
    `Low stock alert\n${d.product_title}${d.sku ? ` (SKU ${d.sku})` : ""} is at ${d.quantity} units, at or below its reorder point of ${d.reorder_point}.\n` +
    (d.partner ? `A reorder request has been sent to ${d.partner.name}.` : "This product has no partner: reorder it manually.") +
    TEXT_FOOTER
  return { subject, html, text }
}

export function reorderRequest(d: StockData): RenderedEmail {
  const subject = `Reorder request from PVA Bazaar: ${d.sku ?? d.product_title}`
  const html = layout(
    "Reorder request",
    `<p>Hello ${esc(d.partner?.name ?? "partner")},</p>
<p>Our stock of <strong>${esc(d.product_title)}</strong>${d.sku ? ` (SKU ${esc(d.sku)})` : ""} is down to <strong>${esc(d.quantity)}</strong>
(reorder point ${esc(d.reorder_point)}). Please let us know when you can send more pieces.</p>
<p>Thank you for working with PVA Bazaar.</p>`
  )
  const text =
    `Hello ${d.partner?.name ?? "partner"},\n\nOur stock of ${d.product_title}${d.sku ? ` (SKU ${d.sku})` : ""} is down to ${d.quantity} ` +
    `(reorder point ${d.reorder_point}). Please let us know when you can send more pieces.` +
    TEXT_FOOTER
  return { subject, html, text }
}

/** The emails of LOW_STOCK and REORDER_REQUESTED, for the notification provider. */
export const partnerEmails: PluginEmails = {
  render(event: string, data: unknown, context: EmailContext): OutgoingEmail | null {
    if (event === LOW_STOCK) return { to: context.adminAlertEmail, ...lowStockAlert(data as LowStockEventData) }
    if (event === REORDER_REQUESTED) {
      const d = data as LowStockEventData
      if (!d.partner?.contact_email) return null
      return { to: d.partner.contact_email, ...reorderRequest(d) }
    }
    return null
  },
}

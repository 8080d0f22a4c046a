/**
 * The store's own transactional emails (the order confirmation); the frame and escaping are
 * medusa-kit's, shared with the plugins' emails. Every value that came from a user or the
 * catalog passes through `esc` before it reaches HTML.
 */
import { BRAND, esc, formatMoney, layout, TEXT_FOOTER, type RenderedEmail } from "@pva/medusa-kit/email"
import type { TaxSummary } from "./taxes/summary"
export { BRAND_BUTTON, esc, formatMoney, layout, TEXT_FOOTER, type RenderedEmail } from "@pva/medusa-kit/email"
export type OrderConfirmationData = {
  pva_number: string
  customer_name?: string | null
  currency_code: string
  total: number
  shipping_total?: number
  tax?: TaxSummary
  items: Array<{ title: string; sku?: string | null; quantity: number; unit_price: number }>
}

/** Shipping and tax as the receipt states them: EU VAT as included, US sales tax as added. */
function summaryRows(order: OrderConfirmationData): Array<[string, string]> {
  const rows: Array<[string, string]> = []
  if (order.shipping_total !== undefined) rows.push(["Shipping", formatMoney(order.shipping_total, order.currency_code)])
  if (order.tax) {
    const label = order.tax.included ? `Including ${order.tax.label}` : order.tax.label
    rows.push([label, formatMoney(order.tax.amount, order.currency_code)])
  }
  return rows
}

export function orderConfirmation(order: OrderConfirmationData): RenderedEmail {
  const subject = `Your PVA Bazaar order ${order.pva_number}`
  const rows = order.items
    .map(
      (i) => `<tr><td style="padding:8px 0;border-bottom:1px solid #e3e7e5">${esc(i.title)}${i.sku ? ` <span style="color:#5b6661">(${esc(i.sku)})</span>` : ""}</td>
<td style="padding:8px 0;border-bottom:1px solid #e3e7e5;text-align:center">${esc(i.quantity)}</td>
<td style="padding:8px 0;border-bottom:1px solid #e3e7e5;text-align:right">${esc(formatMoney(i.unit_price * i.quantity, order.currency_code))}</td></tr>`
    )
    .join("\n")
  const html = layout(
    "Thank you for your order",
    `<p>${order.customer_name ? `Hi ${esc(order.customer_name)}, t` : "T"}hank you for shopping with PVA Bazaar. Your order number is
<strong style="color:${BRAND.dark}">${esc(order.pva_number)}</strong>.</p>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="margin:16px 0;font-size:14px">
<tr><th align="left">Item</th><th>Qty</th><th align="right">Price</th></tr>
${rows}
${summaryRows(order).map(([label, amount]) => `<tr><td colspan="2" style="padding-top:8px">${esc(label)}</td><td style="padding-top:8px;text-align:right">${esc(amount)}</td></tr>`).join("\n")}
<tr><td colspan="2" style="padding-top:12px"><strong>Total</strong></td><td style="padding-top:12px;text-align:right"><strong>${esc(formatMoney(order.total, order.currency_code))}</strong></td></tr>
</table>
<p>We will let you know when your pieces ship.</p>`
  )
  const text =
    `Thank you for your order.\nOrder number: ${order.pva_number}\n\n` +
    order.items.map((i) => `- ${i.title}${i.sku ? ` (${i.sku})` : ""} x ${i.quantity}: ${formatMoney(i.unit_price * i.quantity, order.currency_code)}`).join("\n") +
    summaryRows(order).map(([label, amount]) => `\n${label}: ${amount}`).join("") +
    `\n\nTotal: ${formatMoney(order.total, order.currency_code)}` +
    TEXT_FOOTER
  return { subject, html, text }
}

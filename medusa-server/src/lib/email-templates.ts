/**
 * PVA Bazaar's transactional emails. Every value that came from a user, a
 * partner or the catalog passes through `esc` before it reaches HTML.
 */
import type { TaxSummary } from "./taxes/summary"
export type RenderedEmail = { subject: string; html: string; text: string }

const BRAND = {
  gradient: "linear-gradient(135deg, #0f3b2d 0%, #1c5a45 100%)",
  dark: "#0f3b2d",
  accent: "#4ef8a3",
  background: "#f8f9fa",
}

export const BRAND_BUTTON = `display:inline-block;padding:12px 24px;background:${BRAND.dark};color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold`

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;")
}

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100)
  } catch {
    return `${(amount / 100).toFixed(2)} ${currency.toUpperCase()}`
  }
}

/** `bodyHtml` must already be escaped; the title is escaped here. */
export function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${esc(title)}</title></head>
<body style="margin:0;padding:0;background:${BRAND.background};font-family:Helvetica,Arial,sans-serif;color:#1b1f1d">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:${BRAND.background}"><tr><td align="center" style="padding:24px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" style="max-width:600px;background:#ffffff;border-radius:8px;overflow:hidden">
<tr><td style="background:${BRAND.dark};background-image:${BRAND.gradient};padding:24px 32px">
<span style="color:#ffffff;font-size:22px;font-weight:bold;letter-spacing:0.5px">PVA <span style="color:${BRAND.accent}">Bazaar</span></span>
</td></tr>
<tr><td style="padding:32px">
<h1 style="margin:0 0 16px;font-size:20px;color:${BRAND.dark}">${esc(title)}</h1>
${bodyHtml}
</td></tr>
<tr><td style="padding:16px 32px;background:${BRAND.background};color:#5b6661;font-size:12px;text-align:center">&copy; PVA Bazaar</td></tr>
</table></td></tr></table></body></html>`
}

export const TEXT_FOOTER = "\n\n© PVA Bazaar\n"

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

export type TwinClaimCodeData = { title: string; tag_id: string; claim_url: string; code: string }

/** The buyer's claim code for a twin: a link to pvabazaar.org, and the code to type if links are stripped. */
export function twinClaimCode(d: TwinClaimCodeData): RenderedEmail {
  const subject = `Claim the digital twin of your ${d.title}`
  const html = layout(
    "Claim your digital twin",
    `<p>Your <strong>${esc(d.title)}</strong> (tag ${esc(d.tag_id)}) has a digital twin: an NFT that carries the piece's provenance.
Claim it into your own wallet on pvabazaar.org.</p>
<p style="margin:24px 0"><a href="${esc(d.claim_url)}" style="background:${BRAND.accent};color:${BRAND.dark};padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">Claim your twin</a></p>
<p>Or enter this code on the claim page: <code style="font-size:16px;letter-spacing:1px">${esc(d.code)}</code></p>
<p style="color:#5b6661;font-size:13px">Keep this code private: whoever claims with it first decides which wallet receives the twin.</p>`
  )
  const text =
    `Claim your digital twin\n\nYour ${d.title} (tag ${d.tag_id}) has a digital twin. Claim it into your own wallet:\n${d.claim_url}\n\n` +
    `Or enter this code on the claim page: ${d.code}\nKeep this code private.` +
    TEXT_FOOTER
  return { subject, html, text }
}

/**
 * Emails about a customer's account and orders after checkout. Links carry a
 * single-use token and nothing else: no email address in a URL.
 */
import { BRAND_BUTTON, esc, layout, RenderedEmail, TEXT_FOOTER } from "./email-templates"

function button(href: string, label: string): string {
  return `<p style="margin:24px 0"><a href="${esc(href)}" style="${BRAND_BUTTON}">${esc(label)}</a></p>
<p style="color:#5b6661;font-size:12px">If the button does not work, open this address: ${esc(href)}</p>`
}

const greeting = (name?: string | null) => (name ? `Hi ${name},` : "Hello,")

export function emailVerification(d: { first_name?: string | null; link: string }): RenderedEmail {
  const subject = "Confirm your email address for PVA Bazaar"
  const html = layout(
    "Confirm your email address",
    `<p>${esc(greeting(d.first_name))}</p>
<p>Confirm that this address is yours to finish setting up your PVA Bazaar account. Orders you placed as a guest
with this address then appear in your order history.</p>
${button(d.link, "Confirm my email")}
<p>The link works once, for 24 hours. If you did not create an account, ignore this email.</p>`
  )
  const text =
    `${greeting(d.first_name)}\n\nConfirm your email address for PVA Bazaar: ${d.link}\n\n` +
    `The link works once, for 24 hours. If you did not create an account, ignore this email.` +
    TEXT_FOOTER
  return { subject, html, text }
}

export function passwordReset(d: { first_name?: string | null; link: string }): RenderedEmail {
  const subject = "Reset your PVA Bazaar password"
  const html = layout(
    "Reset your password",
    `<p>${esc(greeting(d.first_name))}</p>
<p>Someone asked to reset the password of the PVA Bazaar account for this address.</p>
${button(d.link, "Choose a new password")}
<p>The link works once, for 15 minutes. If you did not ask for it, ignore this email: your password stays as it is.</p>`
  )
  const text =
    `${greeting(d.first_name)}\n\nReset your PVA Bazaar password: ${d.link}\n\n` +
    `The link works once, for 15 minutes. If you did not ask for it, ignore this email: your password stays as it is.` +
    TEXT_FOOTER
  return { subject, html, text }
}

export type ShipmentData = {
  pva_number: string
  customer_name?: string | null
  items: Array<{ title: string; quantity: number }>
  tracking_numbers: string[]
}

export function orderShipped(d: ShipmentData): RenderedEmail {
  const subject = `Your PVA Bazaar order ${d.pva_number} has shipped`
  const list = d.items.map((i) => `<li>${esc(i.title)} &times; ${esc(i.quantity)}</li>`).join("\n")
  const tracking = d.tracking_numbers.length ? `<p>Tracking: <strong>${d.tracking_numbers.map(esc).join(", ")}</strong></p>` : ""
  const html = layout(
    "Your order is on its way",
    `<p>${esc(greeting(d.customer_name))}</p>
<p>Pieces from your order <strong>${esc(d.pva_number)}</strong> have shipped:</p>
<ul>${list}</ul>
${tracking}`
  )
  const text =
    `${greeting(d.customer_name)}\n\nPieces from your order ${d.pva_number} have shipped:\n` +
    d.items.map((i) => `- ${i.title} x ${i.quantity}`).join("\n") +
    (d.tracking_numbers.length ? `\n\nTracking: ${d.tracking_numbers.join(", ")}` : "") +
    TEXT_FOOTER
  return { subject, html, text }
}

export function orderCanceled(d: { pva_number: string; customer_name?: string | null }): RenderedEmail {
  const subject = `Your PVA Bazaar order ${d.pva_number} was canceled`
  const html = layout(
    "Your order was canceled",
    `<p>${esc(greeting(d.customer_name))}</p>
<p>Your order <strong>${esc(d.pva_number)}</strong> was canceled. Any payment taken is refunded to the original payment method.</p>
<p>Questions? Reply to this email.</p>`
  )
  const text =
    `${greeting(d.customer_name)}\n\nYour order ${d.pva_number} was canceled. Any payment taken is refunded to the original payment method.` +
    TEXT_FOOTER
  return { subject, html, text }
}

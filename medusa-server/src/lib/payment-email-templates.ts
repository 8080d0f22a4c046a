/** Emails about what a refund did to an order's digital goods, and payments that need an admin. */
import type { RefundedTwin } from "@pva/medusa-plugin-digital-twin"
import { esc, layout, RenderedEmail, TEXT_FOOTER } from "./email-templates"

const OUTCOME: Record<RefundedTwin["outcome"], string> = {
  voided: "void: its claim code no longer works and it will never be minted",
  kept: "already claimed: it stays in the wallet that holds it, and its public provenance now records that the sale was refunded",
}

export function twinsRefunded(d: { pva_number: string | null; twins: RefundedTwin[] }): RenderedEmail {
  const order = d.pva_number ?? "your order"
  const subject = `The digital twins of ${order} after your refund`
  const lines = d.twins.map((t) => ({ name: `${t.title} (${t.tag_id}, token ${t.token_id})`, outcome: OUTCOME[t.outcome] }))
  const html = layout(
    "Your digital twins after the refund",
    `<p>The sale of ${esc(order)} was canceled or refunded, so its digital twins no longer stand for a piece you bought:</p>
<ul>${lines.map((l) => `<li><strong>${esc(l.name)}</strong>: ${esc(l.outcome)}.</li>`).join("\n")}</ul>
<p>Questions? Reply to this email.</p>`
  )
  const text =
    `The sale of ${order} was canceled or refunded, so its digital twins no longer stand for a piece you bought:\n` +
    lines.map((l) => `- ${l.name}: ${l.outcome}.`).join("\n") +
    TEXT_FOOTER
  return { subject, html, text }
}

export function captureAttention(d: { pva_number: string | null; order_id: string; reason: string }): RenderedEmail {
  const subject = `Payment of ${d.pva_number ?? d.order_id} needs you`
  const html = layout(
    "A payment needs attention",
    `<p>The payment of order <strong>${esc(d.pva_number ?? d.order_id)}</strong> (${esc(d.order_id)}) is not captured: ${esc(d.reason)}.</p>
<p>Capture it in Medusa Admin, or contact the customer for another payment.</p>`
  )
  const text = `The payment of order ${d.pva_number ?? d.order_id} (${d.order_id}) is not captured: ${d.reason}.\nCapture it in Medusa Admin, or contact the customer for another payment.` + TEXT_FOOTER
  return { subject, html, text }
}

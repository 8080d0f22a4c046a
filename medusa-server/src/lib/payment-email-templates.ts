/** Emails about payments that need an admin. */
import { esc, layout, RenderedEmail, TEXT_FOOTER } from "./email-templates"

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

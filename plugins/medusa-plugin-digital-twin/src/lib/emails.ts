// The digital twins' emails to the buyer (the claim code, what a refund did to the twins),
// rendered here and sent by the store's notification provider. Loads no Medusa: the plugin's
// index exports it.
import { BRAND, esc, layout, TEXT_FOOTER, type OutgoingEmail, type PluginEmails, type RenderedEmail } from "@pva/medusa-kit/email"
import { TWIN_CLAIM_CODE_EMAIL, TWIN_REFUNDED_EMAIL, type RefundedTwin, type TwinClaimCodeEmailData, type TwinRefundEmailData } from "@pva/medusa-kit/events"

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

/** The emails of TWIN_CLAIM_CODE_EMAIL and TWIN_REFUNDED_EMAIL, for the notification provider. */
export const twinEmails: PluginEmails = {
  render(event: string, data: unknown): OutgoingEmail | null {
    if (event === TWIN_CLAIM_CODE_EMAIL) {
      const d = data as TwinClaimCodeEmailData
      return d?.email ? { to: d.email, ...twinClaimCode(d) } : null
    }
    if (event === TWIN_REFUNDED_EMAIL) {
      const d = data as TwinRefundEmailData
      return { to: d.email, ...twinsRefunded(d) }
    }
    return null
  },
  // The claim code is the twin: whoever has it claims it. The notification table must not keep it.
  private: new Set([TWIN_CLAIM_CODE_EMAIL]),
}

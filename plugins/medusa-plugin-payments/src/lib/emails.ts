/**
 * The payment emails this plugin sends through Medusa's notification service; medusa-server's
 * email provider renders them with `renderPaymentEmail` (Resend or the email outbox).
 */
export const PAYMENT_FAILED_EMAIL = "payments.payment_failed"
export const DISPUTE_OPENED_EMAIL = "payments.dispute_opened"

/** `id` is what Medusa's notification log files the email under: the cart, or the order. */
export type PaymentFailedEmailData = { id: string; to: string; amount: number; currency_code: string; reason: string }
export type DisputeOpenedEmailData = {
  id: string
  to: string
  order_number: string
  dispute_id: string
  reason: string
  amount: number
  currency_code: string
  evidence_due_by: string | null
}

type Rendered = { to: string; subject: string; html: string; text: string }

const esc = (value: unknown) =>
  String(value).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string)
export const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100)

function paymentFailed(d: PaymentFailedEmailData): Rendered {
  const subject = "Your payment to PVA Bazaar did not go through"
  const lines = [
    `Your card payment of ${money(d.amount, d.currency_code)} was not accepted: ${d.reason}`,
    "Nothing was charged and your cart is still waiting for you. You can try again with another card.",
  ]
  return { to: d.to, subject, html: lines.map((l) => `<p>${esc(l)}</p>`).join("\n"), text: lines.join("\n\n") }
}

function disputeOpened(d: DisputeOpenedEmailData): Rendered {
  const subject = `Payment disputed: order ${d.order_number}`
  const lines = [
    `The cardholder disputed the payment of ${money(d.amount, d.currency_code)} for order ${d.order_number} (reason: ${d.reason}).`,
    d.evidence_due_by ? `Submit evidence in Stripe's dashboard by ${d.evidence_due_by} (dispute ${d.dispute_id}).` : `Dispute ${d.dispute_id} is open in Stripe's dashboard.`,
    "Hold the order's fulfilment until the dispute is settled; the order is flagged in Medusa Admin.",
  ]
  return { to: d.to, subject, html: lines.map((l) => `<p>${esc(l)}</p>`).join("\n"), text: lines.join("\n\n") }
}

/** The email for one of this plugin's events, or null for any other event. */
export function renderPaymentEmail(event: string, data: any): Rendered | null {
  if (event === PAYMENT_FAILED_EMAIL) return data?.to ? paymentFailed(data) : null
  if (event === DISPUTE_OPENED_EMAIL) return data?.to ? disputeOpened(data) : null
  return null
}

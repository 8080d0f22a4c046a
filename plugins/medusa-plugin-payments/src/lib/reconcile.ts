/**
 * Compares the store's Stripe payments with Stripe's PaymentIntents and refunds: pure, so the
 * admin route and the `pva-payments` command share it.
 */

/** Stripe keeps a card authorization for seven days (https://docs.stripe.com/payments/place-a-hold-on-a-payment-method). */
export const AUTHORIZATION_DAYS = 7
/** Warn this long before an uncaptured authorization lapses. */
export const EXPIRY_WARNING_HOURS = 24

export type StripeIntentRow = { id: string; amount: number; amount_received: number; status: string; created: number; currency: string }
export type StorePaymentRow = {
  intent_id: string
  order_id: string | null
  order_number: string | null
  amount: number
  amount_refunded: number
  captured: boolean
}

export type MismatchKind =
  | "missing_in_store"
  | "captured_only_in_stripe"
  | "captured_only_in_store"
  | "amount_differs"
  | "refund_differs"
  | "authorization_expiring"

export type Mismatch = { kind: MismatchKind; intent_id: string; order_id: string | null; order_number: string | null; message: string }

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency.toUpperCase()}`

export function findMismatches(
  intents: StripeIntentRow[],
  stripeRefunded: Map<string, number>,
  payments: StorePaymentRow[],
  nowSeconds: number
): Mismatch[] {
  const byIntent = new Map(payments.map((p) => [p.intent_id, p]))
  const found: Mismatch[] = []
  for (const intent of intents) {
    const p = byIntent.get(intent.id)
    const at = (kind: MismatchKind, message: string) =>
      found.push({ kind, intent_id: intent.id, order_id: p?.order_id ?? null, order_number: p?.order_number ?? null, message })
    const authorized = intent.status === "requires_capture"
    if (!p) {
      if (authorized || intent.status === "succeeded") {
        at("missing_in_store", `Stripe ${authorized ? "holds" : "took"} ${money(intent.amount, intent.currency)} but no order pays with this intent`)
      }
      continue
    }
    if (intent.status === "succeeded" && !p.captured) at("captured_only_in_stripe", `captured in Stripe (${money(intent.amount_received, intent.currency)}), not captured on the order`)
    if (p.captured && intent.status !== "succeeded") at("captured_only_in_store", `captured on the order, but the intent is ${intent.status} in Stripe`)
    if (intent.amount !== Number(p.amount)) at("amount_differs", `Stripe's amount is ${money(intent.amount, intent.currency)}, the order's payment ${money(Number(p.amount), intent.currency)}`)
    const refunded = stripeRefunded.get(intent.id) ?? 0
    if (refunded !== Number(p.amount_refunded)) {
      at("refund_differs", `refunded ${money(refunded, intent.currency)} in Stripe, ${money(Number(p.amount_refunded), intent.currency)} on the order`)
    }
    const expiresAt = intent.created + AUTHORIZATION_DAYS * 86400
    if (authorized && !p.captured && expiresAt - nowSeconds < EXPIRY_WARNING_HOURS * 3600) {
      const hours = Math.round((expiresAt - nowSeconds) / 3600)
      at("authorization_expiring", hours > 0 ? `the authorization lapses in about ${hours} h: capture or cancel the order` : "the authorization has lapsed: the card may no longer be charged")
    }
  }
  return found
}

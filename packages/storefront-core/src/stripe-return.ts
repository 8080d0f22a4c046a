/**
 * Stripe sends the shopper back from a redirect (3-D Secure, a bank's page) to the return URL
 * with `payment_intent`, `payment_intent_client_secret` and `redirect_status`
 * (https://docs.stripe.com/payments/accept-a-payment?platform=web#web-submit-payment).
 * The checkout reads them to resume where it was instead of starting over.
 */
export type StripeReturn = { intentId: string; outcome: "succeeded" | "failed" | "processing" }

export const STRIPE_RETURN_PARAMS = ["payment_intent", "payment_intent_client_secret", "redirect_status"] as const

export function readStripeReturn(params: URLSearchParams): StripeReturn | null {
  const intentId = params.get("payment_intent")
  const secret = params.get("payment_intent_client_secret")
  const status = params.get("redirect_status")
  if (!intentId || !/^pi_[A-Za-z0-9]+$/.test(intentId) || !secret?.startsWith(`${intentId}_secret_`)) return null
  if (status === "succeeded") return { intentId, outcome: "succeeded" }
  if (status === "pending" || status === "processing") return { intentId, outcome: "processing" }
  return { intentId, outcome: "failed" }
}

/** What the shopper reads when the bank's check failed or the card was declined after a redirect. */
export const RETURN_DECLINED_MESSAGE =
  "Your card payment was not completed: the bank declined it or the security check (3-D Secure) was not passed. Nothing was charged. Try again or use another card."

/** The return URL without Stripe's parameters, so a reload does not act on them twice. */
export function withoutStripeReturn(url: string): string {
  const clean = new URL(url)
  for (const name of STRIPE_RETURN_PARAMS) clean.searchParams.delete(name)
  return clean.pathname + (clean.search === "?" ? "" : clean.search) + clean.hash
}

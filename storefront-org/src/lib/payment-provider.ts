/**
 * Which way a collector pays: by card whenever the server offers Stripe and the site has its
 * publishable key. The manual provider (an unpaid order) only where the server offers no card
 * payments (a shop without Stripe), or outside production; never beside cards in production.
 */
export function paymentProvider(offered: string[], site: { stripeKey?: string; production: boolean }): "stripe" | "manual" | null {
  const cards = offered.includes("stripe")
  if (cards && site.stripeKey) return "stripe"
  if (offered.includes("manual") && (!cards || !site.production)) return "manual"
  return null
}

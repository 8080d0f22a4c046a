import type Stripe from "stripe"

/** The API version medusa-payment-stripe 6.0.11 was written against; the stand-in answers the same. */
export const STRIPE_API_VERSION = "2022-11-15" as const

/**
 * stripe-node's settings for an API base URL: Stripe's own host when none is given, else the
 * URL's host, port and protocol (a Stripe stand-in in development and tests; production
 * refuses STRIPE_API_URL at start).
 */
export function stripeClientConfig(apiUrl?: string): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = { apiVersion: STRIPE_API_VERSION, maxNetworkRetries: 2, timeout: 20_000 }
  if (!apiUrl) return config
  const url = new URL(apiUrl)
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`STRIPE_API_URL must be an http(s) URL, got "${apiUrl}"`)
  const protocol = url.protocol.slice(0, -1) as "http" | "https"
  return { ...config, host: url.hostname, port: url.port || (protocol === "https" ? 443 : 80), protocol }
}

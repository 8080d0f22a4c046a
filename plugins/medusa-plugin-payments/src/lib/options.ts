/** The plugin's options, from medusa-server's validated environment (STRIPE_*). */
export type PaymentsPluginOptions = {
  /** STRIPE_API_KEY */
  api_key: string
  /** STRIPE_WEBHOOK_SECRET: the `whsec_` secret of the `/stripe/hooks` endpoint. */
  webhook_secret: string
  /** STRIPE_API_URL: a Stripe stand-in instead of api.stripe.com (refused in production). */
  api_url?: string
  /** Offer every payment method enabled in Stripe's dashboard through the Payment Element. */
  automatic_payment_methods?: boolean
  /** Capture at authorization (`true`) or when the order is captured in Admin (default). */
  capture?: boolean
  /** Who is emailed when a cardholder disputes a payment. */
  merchant_email?: string
  enableUI?: boolean
}

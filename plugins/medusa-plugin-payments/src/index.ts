export { PAYMENT_FAILED_EMAIL, DISPUTE_OPENED_EMAIL, renderPaymentEmail, type PaymentFailedEmailData, type DisputeOpenedEmailData } from "./lib/emails"
export { stripeClientConfig, STRIPE_API_VERSION } from "./lib/stripe-client"
export { type PaymentsPluginOptions } from "./lib/options"
export { DISPUTE_METADATA_KEY, STORE_REFUND_METADATA } from "./lib/metadata"

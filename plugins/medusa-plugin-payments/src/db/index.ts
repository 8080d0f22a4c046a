import { stripeWebhookEventTable } from "./stripe-webhook-event"

/**
 * The payments plugin's own tables. (It also reads and writes Medusa's payment, refund, order
 * and payment_session tables, in src/db/store-payments.ts; Medusa's migrations own those.)
 */
export const PAYMENTS_TABLES = [stripeWebhookEventTable]

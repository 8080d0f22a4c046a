import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type StripeWebhookService from "../../../services/stripe-webhook"

/**
 * Stripe's webhook endpoint. 400 for a body or signature that is not Stripe's (nothing
 * changes); 200 once the event is applied or when it was applied before; an event whose
 * effects failed answers 500 and is left for Stripe's retry.
 */
export async function POST(req: MedusaRequest, res: MedusaResponse) {
  const webhooks: StripeWebhookService = req.scope.resolve("stripeWebhookService")
  const event = webhooks.verify(req.body, req.headers["stripe-signature"] as string | undefined)
  try {
    const { applied } = await webhooks.applyOnce(event)
    res.status(200).json({ received: true, event: event.id, duplicate: !applied })
  } catch (err) {
    req.scope.resolve("logger").warn(`Stripe webhook ${event.id} (${event.type}) not applied, Stripe will retry it: ${(err as Error).message}`)
    res.status(500).json({ received: false, event: event.id, message: "The event could not be applied yet; Stripe retries it." })
  }
}

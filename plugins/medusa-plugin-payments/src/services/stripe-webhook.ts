import { MedusaError } from "@medusajs/utils"
import type Stripe from "stripe"
import type { EntityManager } from "typeorm"
import { PluginService } from "../lib/plugin-service"

/** Stripe's own default: a signature older than five minutes is refused (a replayed request). */
export const SIGNATURE_TOLERANCE_SECONDS = 300

export type WebhookOutcome = { applied: boolean; event: Stripe.Event }

/**
 * Stripe webhooks as Stripe documents them (https://docs.stripe.com/webhooks): the signature
 * is checked with the official library before anything else, and each event is applied at
 * most once: its `evt_` id goes into the ledger in the same transaction that applies it, so
 * copies that arrive together wait for the first and then do nothing, and an event whose
 * effects failed is rolled back out of the ledger for Stripe's retry.
 */
class StripeWebhookService extends PluginService {

  /** The event a request carries, or a 400 when the body or signature is not Stripe's. */
  verify(rawBody: unknown, signature: string | undefined): Stripe.Event {
    if (!Buffer.isBuffer(rawBody) || rawBody.length === 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "Stripe webhooks must be sent as a JSON body (content-type application/json)")
    }
    if (!this.options_.webhook_secret) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Stripe webhooks are not accepted: STRIPE_WEBHOOK_SECRET is not set on this server")
    }
    if (!signature) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The Stripe-Signature header is missing")
    const stripe: Stripe = this.container_.pp_stripe.getStripe()
    try {
      return stripe.webhooks.constructEvent(rawBody, signature, this.options_.webhook_secret, SIGNATURE_TOLERANCE_SECONDS)
    } catch (err) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Stripe webhook signature check failed: ${(err as Error).message}`)
    }
  }

  async applyOnce(event: Stripe.Event): Promise<WebhookOutcome> {
    const manager: EntityManager = this.container_.manager
    return await manager.transaction(async (tx) => {
      const inserted = await tx.query(
        `INSERT INTO stripe_webhook_event (id, type, object_id, stripe_created_at)
         VALUES ($1, $2, $3, to_timestamp($4)) ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type, (event.data.object as { id?: string }).id ?? null, event.created]
      )
      if (inserted.length === 0) return { applied: false, event }
      await this.apply(event, tx)
      return { applied: true, event }
    })
  }

  /** Effects read the objects' current state from Stripe, so events arriving out of order still leave the store right. */
  private async apply(event: Stripe.Event, tx: EntityManager) {
    const object = event.data.object as any
    switch (event.type) {
      case "payment_intent.succeeded":
      case "payment_intent.amount_capturable_updated":
        await this.container_.stripeIntentEventsService.settle(object.id, event.id)
        return
      case "payment_intent.payment_failed":
        await this.container_.stripeIntentEventsService.tellCustomerOfFailure(object)
        return
      case "charge.refunded":
        await this.container_.stripeChargeEventsService.recordOutsideRefunds(object.payment_intent, tx)
        return
      case "charge.dispute.created":
        await this.container_.stripeChargeEventsService.flagDispute(object, tx)
        return
      default:
        // Other events are acknowledged (and recorded) so Stripe stops sending them.
        return
    }
  }
}

export default StripeWebhookService

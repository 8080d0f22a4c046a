import { MedusaError } from "@medusajs/utils"
import type Stripe from "stripe"
import type { EntityManager } from "typeorm"
import { claimWebhookEvent, markWebhookEventApplied, releaseWebhookEvent, webhookEventApplied } from "../db/stripe-webhook-event"
import { PluginService } from "../lib/plugin-service"

/** Stripe's own default: a signature older than five minutes is refused (a replayed request). */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * A claim never marked applied after this long was left by a process that died while applying
 * it (applying takes seconds): Stripe's retry takes it over.
 */
export const CLAIM_STALE_AFTER_SECONDS = 600
/** How long a copy of an event waits for another delivery applying it before it answers 500 for Stripe's retry. */
const COPY_WAIT_LIMIT_MS = 60_000
const FIRST_LEDGER_POLL_MS = 20
const LONGEST_LEDGER_POLL_MS = 500

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export type WebhookOutcome = { applied: boolean; event: Stripe.Event }

/**
 * Stripe webhooks as Stripe documents them (https://docs.stripe.com/webhooks): the signature
 * is checked with the official library before anything else, and each event is applied once:
 * its `evt_` id is claimed in the ledger, the effects run, and the entry is marked applied, so
 * copies that arrive together wait for the first and then do nothing, an event whose effects
 * failed is taken out of the ledger for Stripe's retry, and one whose process died in between
 * is retried once its claim is stale.
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

  /**
   * Claim, apply, mark applied: three short statements, none holding a connection while the
   * event's effects run (they need connections of their own, and a burst of webhooks as large
   * as the pool would otherwise take them all). A copy arriving while another delivery applies
   * the event waits for that one's outcome, asking the ledger now and then: applied, it answers
   * as a duplicate; released after a failure, it claims the event itself.
   */
  async applyOnce(event: Stripe.Event, copyWaitLimitMs: number = COPY_WAIT_LIMIT_MS): Promise<WebhookOutcome> {
    const giveUpAt = Date.now() + copyWaitLimitMs
    let pause = FIRST_LEDGER_POLL_MS
    for (;;) {
      const state = await this.claim(event)
      if (state === "applied") return { applied: false, event }
      if (state === "claimed") break
      if (Date.now() >= giveUpAt) {
        throw new MedusaError(MedusaError.Types.CONFLICT, `event ${event.id} is still being applied by another delivery`)
      }
      await sleep(pause / 2 + Math.random() * pause)
      pause = Math.min(pause * 2, LONGEST_LEDGER_POLL_MS)
    }
    try {
      await this.apply(event)
    } catch (err) {
      // Out of the ledger again, so Stripe's retry (or a waiting copy) applies it.
      await releaseWebhookEvent(this.manager, event.id).catch(() => undefined)
      throw err
    }
    // Should this fail, the claim goes stale and a retry applies the event again: its effects are safe to repeat.
    await markWebhookEventApplied(this.manager, event.id)
    return { applied: true, event }
  }

  private get manager(): EntityManager {
    return this.container_.manager
  }

  /**
   * The event claimed by this delivery, already applied, or being applied by another one. A
   * claim older than CLAIM_STALE_AFTER_SECONDS and never applied belongs to a process that died
   * in between: it is taken over.
   */
  private async claim(event: Stripe.Event): Promise<"claimed" | "applied" | "in progress"> {
    const objectId = (event.data.object as { id?: string }).id ?? null
    const claimed = await claimWebhookEvent(this.manager, { id: event.id, type: event.type, object_id: objectId, created: event.created }, CLAIM_STALE_AFTER_SECONDS)
    if (claimed) return "claimed"
    if (await webhookEventApplied(this.manager, event.id)) return "applied"
    // Still claimed, or released a moment ago (the next round claims it).
    return "in progress"
  }

  /** Effects read the objects' current state from Stripe, so events arriving out of order still leave the store right. */
  private async apply(event: Stripe.Event) {
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
        await this.manager.transaction((tx) => this.container_.stripeChargeEventsService.recordOutsideRefunds(object.payment_intent, tx))
        return
      case "charge.dispute.created":
        await this.manager.transaction((tx) => this.container_.stripeChargeEventsService.flagDispute(object, tx))
        return
      default:
        // Other events are acknowledged (and recorded) so Stripe stops sending them.
        return
    }
  }
}

export default StripeWebhookService

import { MedusaError } from "@medusajs/utils"
import type Stripe from "stripe"
import { PAYMENT_FAILED_EMAIL, PaymentFailedEmailData } from "../lib/emails"
import AdvisoryLockService, { cartCompletionLock, orderCaptureLock } from "./advisory-lock"
import { PluginService } from "../lib/plugin-service"

const AUTHORIZED = new Set(["requires_capture", "succeeded"])

/** What a PaymentIntent's webhook events do to the store's carts and orders. */
class StripeIntentEventsService extends PluginService {

  private get stripe(): Stripe {
    return this.container_.pp_stripe.getStripe()
  }

  /**
   * The card was authorized (or captured): the cart becomes an order even when the shopper's
   * browser never came back from the payment, and a payment captured in Stripe is captured on
   * the order too. Safe to repeat: an existing order is left as it is.
   */
  async settle(intentId: string, eventId: string) {
    const intent = await this.stripe.paymentIntents.retrieve(intentId)
    const cartId = intent.metadata?.cart_id ?? intent.metadata?.resource_id
    if (!cartId?.startsWith("cart_") || !AUTHORIZED.has(intent.status)) return
    const locks: AdvisoryLockService = this.container_.advisoryLockService
    const order =
      (await this.orderOf(cartId)) ??
      (await locks.around(cartCompletionLock(cartId), async () => (await this.orderOf(cartId)) ?? (await this.completeCart(cartId, eventId))))
    if (intent.status !== "succeeded" || order.payment_status !== "awaiting") return
    await locks.around(orderCaptureLock(order.id), async () => {
      // Read again under the lock: Admin's capture may have finished meanwhile.
      const current = await this.orderOf(cartId)
      if (current?.payment_status === "awaiting") await this.container_.orderService.capturePayment(order.id)
    })
  }

  /** The customer is told by email that their card was declined, unless they have paid since (events can come late). */
  async tellCustomerOfFailure(eventIntent: Stripe.PaymentIntent) {
    const intent = await this.stripe.paymentIntents.retrieve(eventIntent.id)
    if (intent.status !== "requires_payment_method") return
    const cartId = intent.metadata?.cart_id ?? intent.metadata?.resource_id
    if (!cartId?.startsWith("cart_")) return
    const cart = await this.container_.cartService.retrieve(cartId, { select: ["id", "email", "completed_at"] })
    if (!cart.email || cart.completed_at) return
    const data: PaymentFailedEmailData = {
      id: cart.id,
      to: cart.email,
      amount: intent.amount,
      currency_code: intent.currency,
      reason: eventIntent.last_payment_error?.message ?? "the card issuer declined it.",
    }
    await this.container_.notificationService.send(PAYMENT_FAILED_EMAIL, data, "pva-email")
  }

  private async orderOf(cartId: string) {
    return await this.container_.orderService.retrieveByCartId(cartId, { select: ["id", "payment_status"] }).catch(() => undefined)
  }

  private async completeCart(cartId: string, eventId: string) {
    const keys = this.container_.idempotencyKeyService
    const key =
      (await keys.retrieve({ request_path: "/stripe/hooks", idempotency_key: eventId }).catch(() => undefined)) ??
      (await keys.create({ request_path: "/stripe/hooks", idempotency_key: eventId }))
    const cart = await this.container_.cartService.retrieve(cartId, { select: ["id", "context"] })
    const { response_code, response_body } = await this.container_.cartCompletionStrategy.complete(cartId, key, { ip: cart.context?.ip })
    if (response_code !== 200 || response_body?.type !== "order") {
      // A cart that cannot become an order yet (stock, a race with the browser's own completion): Stripe retries the event.
      throw new MedusaError(MedusaError.Types.CONFLICT, `cart ${cartId} was not completed: ${response_body?.message ?? response_body?.type ?? response_code}`)
    }
    return response_body.data as { id: string; payment_status: string }
  }
}

export default StripeIntentEventsService

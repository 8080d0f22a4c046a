import type Stripe from "stripe"
import { PluginService } from "../lib/plugin-service"

export type CardPaymentError = { code: string; decline_code?: string; message: string; status: string }

/** The state of a cart's card payment, as Stripe has it now. */
class StripeCartPaymentService extends PluginService {

  /** Why a cart with a Stripe session could not complete: a decline, a failed or pending 3-D Secure challenge; null otherwise. */
  async errorOf(cart: { payment_session?: { provider_id: string; data?: { id?: string } } | null }): Promise<CardPaymentError | null> {
    const session = cart?.payment_session
    if (session?.provider_id !== "stripe" || !session.data?.id) return null
    const stripe: Stripe = this.container_.pp_stripe.getStripe()
    const intent = await stripe.paymentIntents.retrieve(session.data.id)
    if (intent.status === "requires_action") {
      return { code: "authentication_required", status: intent.status, message: "Your bank asks you to confirm this payment (3-D Secure) before it can go through." }
    }
    const failure = intent.last_payment_error
    if (failure) {
      return { code: failure.code ?? "card_error", decline_code: failure.decline_code, status: intent.status, message: failure.message ?? "Your card was declined." }
    }
    if (intent.status === "requires_payment_method") {
      return { code: "payment_incomplete", status: intent.status, message: "The card payment has not been made yet: enter your card details and pay." }
    }
    return null
  }
}

export default StripeCartPaymentService

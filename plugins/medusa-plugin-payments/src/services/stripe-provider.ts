import StripeProviderService from "medusa-payment-stripe/dist/services/stripe-provider"
import Stripe from "stripe"
import { stripeClientConfig } from "../lib/stripe-client"
import { STORE_REFUND_METADATA } from "../lib/metadata"
import type { PaymentsPluginOptions } from "../lib/options"

/**
 * medusa-payment-stripe's card provider (identifier `stripe`, container key `pp_stripe`),
 * talking to the API at `api_url` when one is configured (a stand-in outside production).
 */
class PvaStripeProviderService extends StripeProviderService {
  static identifier = "stripe"

  constructor(container: any, options: PaymentsPluginOptions) {
    super(container, options)
  }

  protected init(): void {
    const options = this.options_ as unknown as PaymentsPluginOptions
    this.stripe_ = this.stripe_ || new Stripe(options.api_key, stripeClientConfig(options.api_url))
  }

  async refundPayment(paymentSessionData: Record<string, unknown>, refundAmount: number) {
    try {
      await this.stripe_.refunds.create({
        amount: Math.round(refundAmount),
        payment_intent: paymentSessionData.id as string,
        metadata: STORE_REFUND_METADATA,
      })
    } catch (err) {
      return this.buildError("An error occurred in refundPayment", err as Error)
    }
    return paymentSessionData
  }
}

export default PvaStripeProviderService

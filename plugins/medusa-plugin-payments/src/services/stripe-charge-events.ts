import { MedusaError } from "@medusajs/utils"
import type Stripe from "stripe"
import type { EntityManager } from "typeorm"
import {
  insertStripeRefund,
  lockStripePayment,
  recordedStripeRefundIds,
  setOrderMetadataKey,
  setRefunded,
  type StorePayment,
} from "../db/store-payments"
import { DISPUTE_OPENED_EMAIL, DisputeOpenedEmailData } from "../lib/emails"
import { DISPUTE_METADATA_KEY, STORE_REFUND_METADATA } from "../lib/metadata"
import { PluginService } from "../lib/plugin-service"

/** What a charge's webhook events (refunds made in Stripe, disputes) do to the store's orders. */
class StripeChargeEventsService extends PluginService {

  private get stripe(): Stripe {
    return this.container_.pp_stripe.getStripe()
  }

  /**
   * Refunds made in Stripe's dashboard show on the order as refunds. Refunds the store made
   * itself carry its metadata and are already there; each Stripe refund is recorded once,
   * by its id, under a lock on the payment.
   */
  async recordOutsideRefunds(intentId: string, tx: EntityManager) {
    const payment = await this.lockPayment(intentId, tx)
    const stripeRefunds = await this.stripe.refunds.list({ payment_intent: intentId, limit: 100 }).autoPagingToArray({ limit: 10_000 })
    const known = await recordedStripeRefundIds(tx, payment.id)
    const created: string[] = []
    let refunded = Number(payment.amount_refunded)
    for (const refund of stripeRefunds.reverse()) {
      if (refund.status !== "succeeded" || known.has(refund.id) || refund.metadata?.origin === STORE_REFUND_METADATA.origin) continue
      created.push(await insertStripeRefund(tx, payment, refund))
      refunded += refund.amount
    }
    if (!created.length) return
    await setRefunded(tx, payment, refunded, refunded >= Number(payment.amount))
    const bus = this.container_.eventBusService.withTransaction(tx)
    for (const refund_id of created) await bus.emit("order.refund_created", { id: payment.order_id, refund_id })
  }

  /** The order is flagged for Admin (its metadata) and the merchant is emailed. */
  async flagDispute(dispute: Stripe.Dispute, tx: EntityManager) {
    const intentId = typeof dispute.payment_intent === "string" ? dispute.payment_intent : dispute.payment_intent?.id
    if (!intentId) throw new MedusaError(MedusaError.Types.INVALID_DATA, `dispute ${dispute.id} names no PaymentIntent`)
    const payment = await this.lockPayment(intentId, tx)
    const flag = {
      id: dispute.id,
      reason: dispute.reason,
      status: dispute.status,
      amount: dispute.amount,
      currency_code: dispute.currency,
      evidence_due_by: dispute.evidence_details?.due_by ? new Date(dispute.evidence_details.due_by * 1000).toISOString() : null,
      opened_at: new Date(dispute.created * 1000).toISOString(),
    }
    const order = await setOrderMetadataKey(tx, payment.order_id, DISPUTE_METADATA_KEY, flag)
    if (!this.options_.merchant_email) return
    if (!order) throw new MedusaError(MedusaError.Types.NOT_FOUND, `order ${payment.order_id} of dispute ${dispute.id} is gone`)
    const data: DisputeOpenedEmailData = {
      id: order.id,
      to: this.options_.merchant_email,
      order_number: order.pva_number ?? `#${order.display_id}`,
      dispute_id: dispute.id,
      reason: dispute.reason,
      amount: dispute.amount,
      currency_code: dispute.currency,
      evidence_due_by: flag.evidence_due_by,
    }
    await this.container_.notificationService.withTransaction(tx).send(DISPUTE_OPENED_EMAIL, data, "pva-email")
  }

  /** The store's payment for an intent, locked; an intent whose order does not exist yet fails the event for Stripe's retry. */
  private async lockPayment(intentId: string, tx: EntityManager): Promise<StorePayment> {
    const payment = await lockStripePayment(tx, intentId)
    if (!payment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `no order pays with PaymentIntent ${intentId} yet`)
    return payment
  }
}

export default StripeChargeEventsService

import { MedusaError } from "@medusajs/utils"
import { rowsOf } from "@pva/medusa-kit"
import type Stripe from "stripe"
import type { EntityManager } from "typeorm"
import { DISPUTE_OPENED_EMAIL, DisputeOpenedEmailData } from "../lib/emails"
import { DISPUTE_METADATA_KEY, STORE_REFUND_METADATA } from "../lib/metadata"
import { PluginService } from "../lib/plugin-service"

type StorePayment = { id: string; order_id: string | null; amount: number; amount_refunded: number; currency_code: string }

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
    const known = new Set(
      (await tx.query(`SELECT metadata->>'stripe_refund_id' AS id FROM refund WHERE payment_id = $1`, [payment.id])).map((r: any) => r.id)
    )
    const created: string[] = []
    let refunded = Number(payment.amount_refunded)
    for (const refund of stripeRefunds.reverse()) {
      if (refund.status !== "succeeded" || known.has(refund.id) || refund.metadata?.origin === STORE_REFUND_METADATA.origin) continue
      const [row] = await tx.query(
        `INSERT INTO refund (id, order_id, payment_id, amount, note, reason, metadata, created_at, updated_at)
         VALUES ('ref_' || replace(gen_random_uuid()::text, '-', ''), $1, $2, $3, $4, 'other', $5, to_timestamp($6), now()) RETURNING id`,
        [payment.order_id, payment.id, refund.amount, `Refunded in Stripe (${refund.id})`, { stripe_refund_id: refund.id }, refund.created]
      )
      created.push(row.id)
      refunded += refund.amount
    }
    if (!created.length) return
    await tx.query(`UPDATE payment SET amount_refunded = $2, updated_at = now() WHERE id = $1`, [payment.id, refunded])
    await tx.query(`UPDATE "order" SET payment_status = $2, updated_at = now() WHERE id = $1`, [
      payment.order_id,
      refunded >= Number(payment.amount) ? "refunded" : "partially_refunded",
    ])
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
    const [order] = rowsOf<{ id: string; display_id: number; pva_number: string | null }>(
      await tx.query(
      `UPDATE "order" SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object($2::text, $3::jsonb), updated_at = now()
        WHERE id = $1 RETURNING id, display_id, pva_number`,
      [payment.order_id, DISPUTE_METADATA_KEY, JSON.stringify(flag)]
      )
    )
    if (!this.options_.merchant_email) return
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
    const [payment] = await tx.query(
      `SELECT id, order_id, amount, amount_refunded, currency_code FROM payment
        WHERE provider_id = 'stripe' AND data->>'id' = $1 AND order_id IS NOT NULL FOR UPDATE`,
      [intentId]
    )
    if (!payment) throw new MedusaError(MedusaError.Types.NOT_FOUND, `no order pays with PaymentIntent ${intentId} yet`)
    return payment
  }
}

export default StripeChargeEventsService

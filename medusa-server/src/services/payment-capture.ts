import { PerCallService } from "@pva/medusa-kit/service"
import { readServerEnv } from "../config/env"
import { captureDeadline, captureMoment, AUTHORIZATION_LIFETIME_DAYS, type CaptureMoment } from "../lib/payment-policy"

/** Sent to ADMIN_ALERT_EMAIL when an authorization about to lapse could not be captured. */
import { CAPTURE_ATTENTION as CAPTURE_ATTENTION_EVENT, type CaptureAttentionEventData } from "@pva/medusa-kit/events"
export { CAPTURE_ATTENTION_EVENT }

type OrderPayment = { id: string; status: string; payment_status: string; provider_id: string | null; created_at: Date }

/**
 * Takes the money at the moment the capture policy (lib/payment-policy.ts) names, through
 * Medusa's `capturePayment`, so it works the same for every provider; everything that
 * cannot be undone (claim codes, share mints, the partner's `order.paid`) follows Medusa's
 * `order.payment_captured`, never `order.placed`.
 */
class PaymentCaptureService extends PerCallService {
  protected readonly container_: any

  constructor(container: any) {
    super(arguments[0])
    this.container_ = container
  }

  /** After placement: captures now when the order holds digital goods (or the manual payment counts as paid). */
  async onPlaced(orderId: string): Promise<CaptureMoment | null> {
    const order = await this.paymentOf(orderId)
    if (!order) return null
    const moment = captureMoment({ providerId: order.provider_id, hasDigitalGoods: await this.hasDigitalGoods(orderId) }, readServerEnv().payments)
    if (moment === "placement") await this.captureIfDue(order)
    return moment
  }

  /** A fulfilment was created: a card payment of physical pieces is captured now; a manual one waits for an admin. */
  async onFulfilled(orderId: string): Promise<void> {
    const order = await this.paymentOf(orderId)
    if (!order) return
    if (captureMoment({ providerId: order.provider_id, hasDigitalGoods: false }, readServerEnv().payments) === "admin") return
    await this.captureIfDue(order)
  }

  /**
   * Authorizations that would lapse within CAPTURE_MARGIN_HOURS are captured; one that cannot
   * be captured is flagged to the admin (once), never left to lapse unseen.
   */
  async captureExpiring(now = new Date()): Promise<{ captured: string[]; flagged: string[] }> {
    const captured: string[] = []
    const flagged: string[] = []
    for (const providerId of Object.keys(AUTHORIZATION_LIFETIME_DAYS)) {
      const due: OrderPayment[] = await this.activeManager_.query(
        `SELECT o.id, o.status, o.payment_status, p.provider_id, o.created_at
           FROM "order" o JOIN payment p ON p.order_id = o.id
          WHERE p.provider_id = $1 AND p.captured_at IS NULL AND p.canceled_at IS NULL
            AND o.status NOT IN ('canceled', 'archived') AND o.payment_status = 'awaiting'
            AND o.created_at < $2 AND NOT (o.metadata ? 'capture_attention')
          ORDER BY o.created_at LIMIT 100`,
        [providerId, captureDeadline(providerId, now)]
      )
      for (const order of due) {
        const after = await this.captureIfDue(order)
        if (after === "captured") captured.push(order.id)
        else {
          await this.flag(order.id, `the ${providerId} authorization lapses ${AUTHORIZATION_LIFETIME_DAYS[providerId]} days after the order and could not be captured`)
          flagged.push(order.id)
        }
      }
    }
    return { captured, flagged }
  }

  private async captureIfDue(order: OrderPayment): Promise<string> {
    if (order.status === "canceled" || order.payment_status !== "awaiting") return order.payment_status
    const orderService = this.container_.orderService
    // Medusa answers a provider's refusal with payment_status `requires_action` (and
    // `order.payment_capture_failed`), not an error.
    const updated = await orderService.capturePayment(order.id)
    return updated.payment_status
  }

  private async flag(orderId: string, reason: string): Promise<void> {
    await this.activeManager_.query(
      `UPDATE "order" SET metadata = COALESCE(metadata, '{}'::jsonb) || jsonb_build_object('capture_attention', $2::text) WHERE id = $1`,
      [orderId, reason]
    )
    await this.container_.notificationService.send(CAPTURE_ATTENTION_EVENT, { id: orderId, reason } satisfies CaptureAttentionEventData, "pva-email")
  }

  private async paymentOf(orderId: string): Promise<OrderPayment | null> {
    const [row] = await this.activeManager_.query(
      `SELECT o.id, o.status, o.payment_status, p.provider_id, o.created_at
         FROM "order" o LEFT JOIN payment p ON p.order_id = o.id AND p.canceled_at IS NULL
        WHERE o.id = $1 ORDER BY p.created_at LIMIT 1`,
      [orderId]
    )
    return row ?? null
  }

  /** Share lines, or a piece whose twin is issued with it: delivered as soon as it is paid, and not taken back. */
  private async hasDigitalGoods(orderId: string): Promise<boolean> {
    const shares = await this.container_.shareReservationService.forOrder(orderId)
    if (shares.length) return true
    return (await this.container_.digitalTwinService.eligibleUnits(orderId)) > 0
  }
}

export default PaymentCaptureService

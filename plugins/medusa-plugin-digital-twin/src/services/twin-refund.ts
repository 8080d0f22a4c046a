import { TwinService } from "../lib/twin-service"
import { lockUnrefundedTwinsOfOrder, markRefunded } from "../db/digital-twin"
import { revokeLiveCode } from "../db/digital-twin-claim-code"
import { recordTwinEvent } from "../db/digital-twin-event"
import { orderState } from "../db/medusa-core"
import { TWIN_REFUNDED_EMAIL_EVENT, type RefundedTwin, type TwinRefundEmailData } from "../lib/twin-refund-email"

/**
 * The asset policy for twins when their order is canceled or refunded in full (a partial
 * refund leaves them alone). Every claim code is revoked, so no claim can start; a twin no
 * wallet has claimed is void and is never minted; a twin already claimed stays with its
 * holder (the chain owns it and PVATwin has no burn), its provenance saying the sale was
 * refunded. The buyer is emailed what happened to each twin. Repeats change nothing.
 */
export default class TwinRefundService extends TwinService {
  static identifier = "twinRefundService"

  async settleOrder(orderId: string): Promise<RefundedTwin[]> {
    return this.atomicPhase_(async (manager) => {
      const order = await orderState(manager, orderId)
      if (!order || (order.status !== "canceled" && order.payment_status !== "refunded")) return []
      const twins = await lockUnrefundedTwinsOfOrder(manager, orderId)
      const refunded: RefundedTwin[] = []
      for (const twin of twins) {
        const outcome = twin.status === "issued" ? "voided" : "kept"
        await revokeLiveCode(manager, twin.id)
        await markRefunded(manager, twin.id)
        await recordTwinEvent(manager, twin.id, "refunded", { outcome, order: order.status === "canceled" ? "canceled" : "refunded" })
        refunded.push({ token_id: twin.token_id, tag_id: twin.tag_id, title: twin.title, outcome })
      }
      if (refunded.length && order.email) {
        const data: TwinRefundEmailData = { id: order.id, customer_id: order.customer_id, email: order.email, pva_number: order.pva_number, twins: refunded }
        await this.container_.notificationService.withTransaction(manager).send(TWIN_REFUNDED_EMAIL_EVENT, data, this.settings_.notificationProvider)
      }
      return refunded
    })
  }
}

import { TwinService } from "../lib/twin-service"
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
      const [order] = await manager.query(`SELECT id, status, payment_status, email, customer_id, pva_number FROM "order" WHERE id = $1`, [orderId])
      if (!order || (order.status !== "canceled" && order.payment_status !== "refunded")) return []
      const twins: Array<{ id: string; token_id: string; tag_id: string; title: string; status: string }> = await manager.query(
        `SELECT id, token_id::text AS token_id, tag_id, title, status FROM digital_twin
          WHERE order_id = $1 AND refunded_at IS NULL ORDER BY token_id FOR UPDATE`,
        [orderId]
      )
      const refunded: RefundedTwin[] = []
      for (const twin of twins) {
        const outcome = twin.status === "issued" ? "voided" : "kept"
        await manager.query(`UPDATE digital_twin_claim_code SET revoked_at = now() WHERE twin_id = $1 AND revoked_at IS NULL`, [twin.id])
        await manager.query(`UPDATE digital_twin SET refunded_at = now(), updated_at = now() WHERE id = $1`, [twin.id])
        await manager.query(`INSERT INTO digital_twin_event (twin_id, kind, data) VALUES ($1, 'refunded', $2)`, [
          twin.id,
          JSON.stringify({ outcome, order: order.status === "canceled" ? "canceled" : "refunded" }),
        ])
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

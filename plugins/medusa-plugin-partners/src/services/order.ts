import { OrderService as MedusaOrderService } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { enqueueOrderWebhooks } from "../lib/order-webhook-outbox"
import { reconcileStockAlerts } from "../lib/stock-alerts"

/**
 * Medusa's order service, plus the partner webhook outbox and stock alerts
 * written inside the same transaction as the order change.
 *
 * Why here and not in an `order.placed` subscriber: subscribers run after the
 * transaction has committed (on the local bus, in-process; on Redis, in a worker),
 * so a crash between commit and subscriber would lose the event. Writing the
 * outbox rows with the order's own transaction manager makes "order exists" and
 * "partners will be told" one atomic fact; the delivery worker reads the outbox
 * independently of which event bus is configured.
 */
class OrderService extends MedusaOrderService {
  async createFromCart(cartOrId: any): Promise<any> {
    return await this.atomicPhase_(async (manager: EntityManager) => {
      const order = await MedusaOrderService.prototype.createFromCart.call(this.withTransaction(manager), cartOrId)
      await enqueueOrderWebhooks(manager, "order.placed", order.id)
      await reconcileStockAlerts(manager, (this as any).eventBus_, await variantIdsOf(manager, order.id))
      return order
    })
  }

  async cancel(orderId: string): Promise<any> {
    return await this.atomicPhase_(async (manager: EntityManager) => {
      const order = await MedusaOrderService.prototype.cancel.call(this.withTransaction(manager), orderId)
      await this.afterCancel_(manager, orderId)
      return order
    })
  }

  /** What a cancel tells partners and does to stock alerts; also run by a cancel that does not go through Medusa's. */
  protected async afterCancel_(manager: EntityManager, orderId: string): Promise<void> {
    await enqueueOrderWebhooks(manager, "order.canceled", orderId)
    await reconcileStockAlerts(manager, (this as any).eventBus_, await variantIdsOf(manager, orderId))
  }

  /** The partner's `order.paid` goes out once, with the capture that completes the order's payment. */
  async capturePayment(orderId: string): Promise<any> {
    return await this.atomicPhase_(async (manager: EntityManager) => {
      const [before] = await manager.query(`SELECT payment_status FROM "order" WHERE id = $1 FOR UPDATE`, [orderId])
      const order = await MedusaOrderService.prototype.capturePayment.call(this.withTransaction(manager), orderId)
      if (before?.payment_status !== "captured" && order.payment_status === "captured") {
        await enqueueOrderWebhooks(manager, "order.paid", orderId)
      }
      return order
    })
  }

  async createRefund(orderId: string, refundAmount: number, reason: string, note?: string, config?: any): Promise<any> {
    return await this.atomicPhase_(async (manager: EntityManager) => {
      const order = await MedusaOrderService.prototype.createRefund.call(this.withTransaction(manager), orderId, refundAmount, reason, note, config)
      await enqueueOrderWebhooks(manager, "order.refunded", orderId, {
        refund: { amount: refundAmount, reason, full: order.payment_status === "refunded" },
      })
      return order
    })
  }

  async createShipment(orderId: string, fulfillmentId: string, trackingLinks?: any[], config?: any): Promise<any> {
    return await this.atomicPhase_(async (manager: EntityManager) => {
      const order = await MedusaOrderService.prototype.createShipment.call(
        this.withTransaction(manager),
        orderId,
        fulfillmentId,
        trackingLinks,
        config
      )
      await enqueueOrderWebhooks(manager, "order.shipment_created", orderId, { fulfillmentId })
      return order
    })
  }
}

async function variantIdsOf(manager: EntityManager, orderId: string): Promise<string[]> {
  const rows = await manager.query(`SELECT DISTINCT variant_id FROM line_item WHERE order_id = $1 AND variant_id IS NOT NULL`, [orderId])
  return rows.map((r: any) => r.variant_id)
}

export default OrderService

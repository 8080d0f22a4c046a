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
      await enqueueOrderWebhooks(manager, "order.canceled", orderId)
      await reconcileStockAlerts(manager, (this as any).eventBus_, await variantIdsOf(manager, orderId))
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

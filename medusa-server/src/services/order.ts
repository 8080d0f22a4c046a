import PartnersOrderService from "@pva/medusa-plugin-partners/order-service"
import type { Order } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

/** What this service reads of the fractional plugin's share reservations for an order. */
type OrderShares = { withTransaction(manager: EntityManager): { forOrder(orderId: string): Promise<{ status: string; quantity: number; wallet: string }[]> } }

/**
 * Cancel and refund with a defined effect once the money is in.
 *
 * Medusa 1.20 cancels an order by cancelling its payments, which a captured card payment
 * refuses (and which would leave a captured manual payment unreturned), and it refuses to
 * cancel an order that has refunds. Here a captured order is cancelled in two steps: the
 * refundable amount is refunded through Medusa (its own transaction: money sent back is
 * never rolled back), then the order is cancelled as Medusa would, without touching the
 * refunded payment. A failure between the two leaves a refunded order that a second cancel
 * finishes. Shares already minted are never refunded through the order: the chain is their
 * owner and PVAShares has no burn, so such a refund is refused (see the README's asset policy).
 */
class OrderService extends PartnersOrderService {
  async cancel(orderId: string): Promise<Order> {
    const order = await this.retrieveWithTotals(orderId, { relations: ["payments"] })
    if (!order.payments?.some((p) => p.captured_at)) return super.cancel(orderId)
    if (order.status === "canceled") throw notAllowed("This order is already canceled")
    if (order.refundable_amount > 0) await this.createRefund(orderId, order.refundable_amount, "other", "Order canceled")
    return await this.atomicPhase_((manager: EntityManager) => this.cancelRefunded_(manager, orderId))
  }

  async createRefund(orderId: string, refundAmount: number, reason: string, note?: string, config?: { no_notification?: boolean }): Promise<Order> {
    return await this.atomicPhase_(async (manager: EntityManager) => {
      const order = await this.withTransaction(manager).retrieveWithTotals(orderId, { relations: ["payments"] })
      if (refundAmount >= order.refundable_amount) await this.refuseMintedShares_(manager, orderId)
      return super.createRefund.call(this.withTransaction(manager), orderId, refundAmount, reason, note, config)
    })
  }

  private async refuseMintedShares_(manager: EntityManager, orderId: string): Promise<void> {
    const reservations: OrderShares = this.__container__.shareReservationService
    const shares = await reservations.withTransaction(manager).forOrder(orderId)
    const minted = shares.filter((r) => r.status === "minting" || r.status === "confirmed")
    if (!minted.length) return
    const count = minted.reduce((sum, r) => sum + r.quantity, 0)
    throw notAllowed(
      `${count} shares of this order are already minted to ${minted[0].wallet}: they stay with their holder and cannot be refunded through the order; refund the other lines with a partial refund`
    )
  }

  private async cancelRefunded_(manager: EntityManager, orderId: string): Promise<Order> {
    const order = await this.withTransaction(manager).retrieve(orderId, { relations: ["fulfillments", "returns", "claims", "swaps", "items"] })
    if (order.status === "canceled") throw notAllowed("This order is already canceled")
    const stillOpen: [boolean | undefined, string][] = [
      [order.fulfillments?.some((f) => !f.canceled_at), "fulfillments"],
      [order.returns?.some((r) => r.status !== "canceled"), "returns"],
      [order.swaps?.some((s) => !s.canceled_at), "swaps"],
      [order.claims?.some((c) => !c.canceled_at), "claims"],
    ]
    for (const [open, what] of stillOpen) {
      if (open) throw notAllowed(`All ${what} must be canceled before canceling an order`)
    }
    const inventory = this.productVariantInventoryService_.withTransaction(manager)
    for (const item of order.items) {
      if (item.variant_id) await inventory.deleteReservationsByLineItem(item.id, item.variant_id, item.quantity)
    }
    await manager.query(`UPDATE "order" SET status = 'canceled', fulfillment_status = 'canceled', canceled_at = now(), updated_at = now() WHERE id = $1`, [orderId])
    await this.eventBus_.withTransaction(manager).emit("order.canceled", { id: orderId, no_notification: order.no_notification })
    await this.afterCancel_(manager, orderId)
    return this.withTransaction(manager).retrieve(orderId)
  }
}

export default OrderService

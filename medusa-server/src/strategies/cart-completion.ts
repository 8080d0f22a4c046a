import MedusaCartCompletionStrategy from "@medusajs/medusa/dist/strategies/cart-completion"
import type { StockDecrement } from "../services/product-variant-inventory"

/**
 * When one line of a multi-item checkout runs out of stock, Medusa drops the
 * reservations it made in its inventory module but, without that module, the
 * other lines' stock stays taken. This gives it back.
 */
class CartCompletionStrategy extends MedusaCartCompletionStrategy {
  protected async removeReservations(reservations: [unknown, unknown][]): Promise<void> {
    await super.removeReservations(reservations as any)
    const decrements = reservations
      .map(([reserved]) => reserved as StockDecrement | undefined)
      .filter((reserved): reserved is StockDecrement => Boolean(reserved && (reserved as StockDecrement).restockable))
    await (this as any).productVariantInventoryService_.restock(decrements)
  }
}

export default CartCompletionStrategy

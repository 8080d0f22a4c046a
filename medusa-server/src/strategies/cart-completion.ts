import MedusaCartCompletionStrategy from "@medusajs/medusa/dist/strategies/cart-completion"
import { checkCartLines, lineQuantityLimit } from "@pva/medusa-kit"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { readServerEnv } from "../config/env"
import { paymentRefusal } from "../lib/payment-policy"
import type ProductVariantInventoryService from "../services/product-variant-inventory"
import type { StockDecrement } from "../services/product-variant-inventory"

/**
 * Lines of `cartId` that need delivery and have no shipping method for it. A product needs
 * delivery unless its shipping profile says `requires_shipping: false` (fractional shares'
 * profile does). A line is covered by a method whose option serves its product's profile;
 * Medusa's own `has_shipping` flag is not used: it stays false on a line added after the
 * method was chosen.
 */
export async function linesAwaitingShipping(manager: EntityManager, cartId: string): Promise<string[]> {
  const rows: Array<{ title: string }> = await manager.query(
    `SELECT li.title FROM line_item li
       JOIN cart c ON c.id = li.cart_id AND c.completed_at IS NULL AND c.type = 'default'
       LEFT JOIN product_variant v ON v.id = li.variant_id
       LEFT JOIN product_shipping_profile psp ON psp.product_id = v.product_id
       LEFT JOIN shipping_profile sp ON sp.id = psp.profile_id
      WHERE li.cart_id = $1
        AND COALESCE(sp.metadata ->> 'requires_shipping', 'true') <> 'false'
        AND NOT EXISTS (
          SELECT 1 FROM shipping_method sm JOIN shipping_option so ON so.id = sm.shipping_option_id
           WHERE sm.cart_id = li.cart_id AND (psp.profile_id IS NULL OR so.profile_id = psp.profile_id))
      ORDER BY li.created_at`,
    [cartId]
  )
  return rows.map((r) => r.title)
}

type MedusaTaxLinesStep = ReturnType<MedusaCartCompletionStrategy["handleCreateTaxLines"]>

/** What this strategy reads of the fractional plugin's share reservations. */
type CartShares = { withTransaction(manager: EntityManager): { cartHasShareLines(cartId: string): Promise<boolean> } }

class CartCompletionStrategy extends MedusaCartCompletionStrategy {
  /**
   * Medusa 1.x completes a cart with no shipping method at all. The first step refuses one
   * whose physical items have none, and lets a cart of things never shipped (shares) through.
   * The cart line rules run again here: a cart's lines may have been written by a route that
   * skipped them, or before a product's limit was lowered.
   */
  protected async handleCreateTaxLines(id: string, options: { manager: EntityManager }): MedusaTaxLinesStep {
    // Medusa's container here is the plain object of registrations (awilix's cradle).
    const container: Record<string, unknown> = this.__container__
    await checkCartLines(options.manager, id, [lineQuantityLimit], { resolve: <T>(name: string) => container[name] as T })
    const unshipped = await linesAwaitingShipping(options.manager, id)
    if (unshipped.length) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Choose a shipping method for ${unshipped.join(", ")} before completing the order`)
    }
    const refusal = paymentRefusal(await this.paymentOf(options.manager, id), readServerEnv().payments)
    if (refusal) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, refusal)
    return super.handleCreateTaxLines(id, options)
  }

  /** The provider of the cart's selected payment session, and whether it holds share lines. */
  private async paymentOf(manager: EntityManager, cartId: string): Promise<{ providerId: string | null; hasShareLines: boolean }> {
    const [session]: { provider_id: string }[] = await manager.query(
      `SELECT provider_id FROM payment_session WHERE cart_id = $1 AND is_selected ORDER BY created_at DESC LIMIT 1`,
      [cartId]
    )
    const reservations: CartShares = this.__container__.shareReservationService
    const shares = reservations.withTransaction(manager)
    return { providerId: session?.provider_id ?? null, hasShareLines: await shares.cartHasShareLines(cartId) }
  }

  /**
   * When one line of a multi-item checkout runs out of stock, Medusa drops the
   * reservations it made in its inventory module but, without that module, the
   * other lines' stock stays taken. This gives it back.
   */
  protected async removeReservations(reservations: [unknown, unknown][]): Promise<void> {
    await super.removeReservations(reservations)
    const decrements = reservations
      .map(([reserved]) => reserved as StockDecrement | undefined)
      .filter((reserved): reserved is StockDecrement => Boolean(reserved && (reserved as StockDecrement).restockable))
    // medusa-config registers this project's ProductVariantInventoryService in Medusa's place.
    await (this.productVariantInventoryService_ as ProductVariantInventoryService).restock(decrements)
  }
}

export default CartCompletionStrategy

import type { CartCompletionResponse, IdempotencyKey } from "@medusajs/medusa"
import MedusaCartCompletionStrategy from "@medusajs/medusa/dist/strategies/cart-completion"
import type { RequestContext } from "@medusajs/medusa/dist/types/request"
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

/** Deadlock, serialization failure, or a statement run after one of them in the same transaction. */
const COLLISION_CODES = new Set(["40P01", "40001", "25P02"])

function isCollisionWithAnotherTransaction(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false
  const fields = error as { code?: unknown; driverError?: { code?: unknown } }
  const code = fields.code ?? fields.driverError?.code
  return typeof code === "string" && COLLISION_CODES.has(code)
}

type MedusaTaxLinesStep = ReturnType<MedusaCartCompletionStrategy["handleCreateTaxLines"]>
type MedusaPaymentAuthorizedStep = ReturnType<MedusaCartCompletionStrategy["handlePaymentAuthorized"]>
/** Medusa's strategies keep their container, logger included, on a field it does not type. */
type WithContainer = { __container__: { logger?: { warn?(message: string): void } } }

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
   * Postgres ends a deadlock or a serialization conflict between two checkouts by failing one
   * of their transactions; Medusa then answers 500 "An unknown error occurred". The shopper
   * hears that the checkout collided with another one and can simply try again.
   */
  async complete(id: string, ikey: IdempotencyKey, context: RequestContext): Promise<CartCompletionResponse> {
    try {
      return await super.complete(id, ikey, context)
    } catch (error) {
      if (isCollisionWithAnotherTransaction(error)) {
        // Kept in the log: a 25P02 follows whatever failed first in the transaction.
        ;(this as unknown as WithContainer).__container__.logger?.warn?.(`cart ${id} not completed, collided with another transaction: ${(error as Error).message}`)
        throw new MedusaError(
          MedusaError.Types.CONFLICT,
          "Another checkout was buying the same items at the same moment and this one could not be completed; please try again"
        )
      }
      throw error
    }
  }

  /**
   * Medusa reserves the stock of all of a cart's lines at once, on one transaction, in
   * whatever order it loaded them: two checkouts sharing two pieces could each lock one
   * piece's row and wait for the other's, a deadlock Postgres ends by failing one of them.
   * Locking the rows first, always in the same order, makes such checkouts queue instead; the
   * one that then finds too little stock left is answered 409 by Medusa.
   */
  protected async handlePaymentAuthorized(id: string, options: { manager: EntityManager }): MedusaPaymentAuthorizedStep {
    await options.manager.query(
      `SELECT v.id FROM product_variant v
        WHERE v.id IN (SELECT li.variant_id FROM line_item li WHERE li.cart_id = $1)
        ORDER BY v.id FOR UPDATE OF v`,
      [id]
    )
    return super.handlePaymentAuthorized(id, options)
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

import { ProductVariantInventoryService as MedusaProductVariantInventoryService } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"

/**
 * What `reserveQuantity` hands back so a failed checkout can put the stock back,
 * inside the same transaction that took it (a second transaction would wait on
 * the row lock the first one holds).
 */
export type StockDecrement = {
  variantId: string
  quantity: number
  restockable: true
  manager: EntityManager
  /** Set when another plugin holds the line instead (fractional shares): undoes that hold. */
  undo?: () => Promise<void>
}

/** A plugin that sells some variants from its own count: it answers null for variants not its own. */
type LineHolder = { withTransaction(manager: EntityManager): LineHolder; reserveForLine(variantId: string, quantity: number, lineItemId: string): Promise<StockDecrement | null> }

/**
 * Medusa 1.x reserves stock by reading the quantity and writing `read - n`, so two
 * checkouts for the last unit can both succeed. Here the decrement and the
 * availability check are one UPDATE: Postgres' row lock makes the second
 * checkout re-read the committed quantity and find nothing left.
 */
class ProductVariantInventoryService extends MedusaProductVariantInventoryService {
  private readonly shareReservations_?: LineHolder

  constructor(container: any) {
    super(container)
    try {
      this.shareReservations_ = container.shareReservationService
    } catch {
      // @pva/medusa-plugin-fractional is not installed
    }
  }

  async reserveQuantity(variantId: string, quantity: number, context: Record<string, unknown> = {}): Promise<any> {
    if ((this as any).inventoryService_) {
      return super.reserveQuantity(variantId, quantity, context as any)
    }
    if (!Number.isInteger(quantity) || quantity <= 0) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Quantity must be a positive whole number, got ${quantity}`)
    }
    return this.atomicPhase_(async (manager) => {
      const lineItemId = context.lineItemId
      if (this.shareReservations_ && typeof lineItemId === "string") {
        const held = await this.shareReservations_.withTransaction(manager).reserveForLine(variantId, quantity, lineItemId)
        if (held) return held
      }
      const result = await manager.query(
        `UPDATE product_variant
            SET inventory_quantity = inventory_quantity - $2, updated_at = now()
          WHERE id = $1 AND deleted_at IS NULL
            AND (allow_backorder OR NOT manage_inventory OR inventory_quantity >= $2)
          RETURNING id`,
        [variantId, quantity]
      )
      // TypeORM answers an UPDATE with [rows, affected]
      const updated = Array.isArray(result[0]) ? result[1] : result.length
      if (!updated) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          `Variant with id: ${variantId} does not have the required inventory`,
          MedusaError.Codes.INSUFFICIENT_INVENTORY
        )
      }
      await (this as any).eventBusService_
        ?.withTransaction(manager)
        .emit("product-variant.updated", { id: variantId, fields: ["inventory_quantity"] })
      const decrement: StockDecrement = { variantId, quantity, restockable: true, manager }
      return decrement
    })
  }

  /** Puts back stock taken by `reserveQuantity` when the checkout that took it fails. */
  async restock(decrements: StockDecrement[]): Promise<void> {
    for (const { variantId, quantity, manager, undo } of decrements) {
      if (undo) {
        await undo()
        continue
      }
      await manager.query(
        `UPDATE product_variant SET inventory_quantity = inventory_quantity + $2, updated_at = now() WHERE id = $1`,
        [variantId, quantity]
      )
    }
  }
}

export default ProductVariantInventoryService

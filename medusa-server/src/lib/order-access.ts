import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { cleanResponseData } from "@medusajs/medusa/dist/utils/clean-response-data"
import {
  defaultStoreOrdersFields,
  defaultStoreOrdersRelations,
} from "@medusajs/medusa/dist/api/routes/store/orders"

type OrderLookup = { id?: string; cart_id?: string }

const NOT_FOUND = "Order not found"

/**
 * Medusa 1.x hands any order to anyone who knows its id. An order is shown to the
 * customer who placed it, or, for a guest checkout, to whoever proves its email.
 */
export async function sendOrderIfOwner(req: MedusaRequest, res: MedusaResponse, lookup: OrderLookup) {
  const customerId: string | undefined = (req as any).user?.customer_id
  const email = typeof req.query.email === "string" ? req.query.email.trim().toLowerCase() : undefined

  if (!customerId && !email) {
    throw new MedusaError(
      MedusaError.Types.UNAUTHORIZED,
      "Log in as the customer who placed this order, or pass the order's email as ?email="
    )
  }

  const orderService = req.scope.resolve("orderService")
  const selector = lookup.id ? { id: lookup.id } : { cart_id: lookup.cart_id }
  const [owner] = await orderService.list(selector, {
    select: ["id", "email", "customer_id"],
    relations: ["customer"],
    take: 1,
  })
  if (!owner || !isOwner(owner, customerId, email)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, NOT_FOUND)
  }

  const order = await orderService.retrieveWithTotals(owner.id, {
    select: defaultStoreOrdersFields,
    relations: defaultStoreOrdersRelations,
  })
  res.json({ order: cleanResponseData(order, []) })
}

function isOwner(order: any, customerId: string | undefined, email: string | undefined): boolean {
  if (customerId && order.customer_id === customerId) return true
  const guestOrder = !order.customer?.has_account
  return Boolean(guestOrder && email && order.email?.toLowerCase() === email)
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { cleanResponseData } from "@medusajs/medusa/dist/utils/clean-response-data"
import {
  defaultStoreOrdersFields,
  defaultStoreOrdersRelations,
} from "@medusajs/medusa/dist/api/routes/store/orders"
import { readServerEnv } from "../config/env"

type OrderSelector = { id?: string; cart_id?: string; display_id?: number; pva_number?: string }

const NOT_FOUND = "Order not found"
const PVA_NUMBER = /^PVA-\d{8}-\d{6,}$/i
const DISPLAY_ID = /^#?\d{1,9}$/

const { guestOrderConfirmationMinutes } = readServerEnv()

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** An order number as customers know it: the PVA number (PVA-YYYYMMDD-NNNNNN) or the display id. */
export function orderNumberSelector(value: unknown): OrderSelector {
  const raw = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : ""
  if (!raw) throw invalid("order_number is required: the PVA number (PVA-YYYYMMDD-NNNNNN) from the confirmation email")
  if (PVA_NUMBER.test(raw)) return { pva_number: raw.toUpperCase() }
  if (DISPLAY_ID.test(raw)) return { display_id: Number(raw.replace("#", "")) }
  throw invalid(`order_number "${raw.slice(0, 40)}" is neither a PVA number (PVA-YYYYMMDD-NNNNNN) nor an order id`)
}

/**
 * Medusa 1.x hands any order to anyone who knows its id, or its display id and
 * email. An order is shown to the signed-in customer who placed it, or, for a guest
 * checkout, to whoever proves its email; an account holder's order never by email.
 * A guest order is also shown by its id (or its cart's) alone for
 * GUEST_ORDER_CONFIRMATION_MINUTES after it was placed: the buyer's confirmation page,
 * as Medusa's own starter reads it right after completing the cart, with neither a
 * session nor the email. Ids are random and unguessable; the window keeps an id seen
 * later (a shared link, a log) from showing the order.
 * Every miss is the same 404, so a lookup cannot tell "no such order" from "wrong email".
 */
export async function sendOrderIfOwner(
  req: MedusaRequest,
  res: MedusaResponse,
  selector: OrderSelector,
  email: string | undefined = typeof req.query.email === "string" ? req.query.email.trim().toLowerCase() : undefined
) {
  const customerId: string | undefined = (req as any).user?.customer_id
  const byId = Boolean(selector.id || selector.cart_id)

  const orderService = req.scope.resolve("orderService")
  const [owner] = await orderService.list(selector, {
    select: ["id", "email", "customer_id", "created_at"],
    relations: ["customer"],
    take: 1,
  })
  const shown = owner && (isOwner(owner, customerId, email) || (byId && isFreshGuestOrder(owner)))
  if (!shown) {
    if (!customerId && !email) {
      throw new MedusaError(
        MedusaError.Types.UNAUTHORIZED,
        "Log in as the customer who placed this order, or pass the order's email as ?email="
      )
    }
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

function isFreshGuestOrder(order: any): boolean {
  if (order.customer?.has_account) return false
  const ageMs = Date.now() - new Date(order.created_at).getTime()
  return ageMs >= 0 && ageMs < guestOrderConfirmationMinutes * 60_000
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireEmail } from "../../../../lib/email-address"
import { orderNumberSelector, sendOrderIfOwner } from "../../../../lib/order-access"

/** A guest finds their order by its number and the email it was placed with. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  const selector = orderNumberSelector(body.order_number)
  await sendOrderIfOwner(req, res, selector, requireEmail(body.email))
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { sendOrderIfOwner } from "../../../../../lib/order-access"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await sendOrderIfOwner(req, res, { cart_id: req.params.cart_id })
}

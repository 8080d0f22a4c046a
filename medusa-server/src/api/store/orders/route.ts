import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import { requireEmail } from "../../../lib/email-address"
import { sendOrderIfOwner } from "../../../lib/order-access"

/** Medusa's `?display_id=&email=` lookup, under the same privacy rule as every other order route. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const raw = req.query.display_id
  if (typeof raw !== "string" || !/^\d{1,9}$/.test(raw)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "display_id is required and must be the order's number")
  }
  await sendOrderIfOwner(req, res, { display_id: Number(raw) }, requireEmail(req.query.email))
}

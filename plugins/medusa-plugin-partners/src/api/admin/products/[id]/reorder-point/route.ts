import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { validateReorderPoint } from "../../../../../lib/partner-input"
import type PartnerService from "../../../../../services/partner"

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  res.json({ product: await partners.setReorderPoint(req.params.id, await validateReorderPoint(req.body)) })
}

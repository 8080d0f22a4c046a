import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerService from "../../../../../services/partner"

/** Issues a new `whsec_` secret; the old one keeps signing during the overlap window. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  res.json(await partners.rotateSecret(req.params.id))
}

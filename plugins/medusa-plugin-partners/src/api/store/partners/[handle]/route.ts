import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerService from "../../../../services/partner"

/** A partner's public profile; pending or rejected partners do not exist here. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  res.json({ partner: await partners.retrievePublic(req.params.handle) })
}

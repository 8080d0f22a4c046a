import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { AdminPostPartnersPartnerReq, validatePartnerBody } from "../../../../lib/partner-input"
import type PartnerService from "../../../../services/partner"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  res.json({ partner: await partners.retrieveForAdmin(req.params.id) })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  await partners.update(req.params.id, await validatePartnerBody(AdminPostPartnersPartnerReq, req.body))
  res.json({ partner: await partners.retrieveForAdmin(req.params.id) })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  await partners.delete(req.params.id)
  res.json({ id: req.params.id, object: "partner", deleted: true })
}

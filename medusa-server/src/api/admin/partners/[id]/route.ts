import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerService from "../../../../services/partner"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  res.json({ partner: await partners.retrieveForAdmin(req.params.id) })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  await partners.update(req.params.id, req.body as any)
  res.json({ partner: await partners.retrieveForAdmin(req.params.id) })
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  await partners.delete(req.params.id)
  res.json({ id: req.params.id, object: "partner", deleted: true })
}

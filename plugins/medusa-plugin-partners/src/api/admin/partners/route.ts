import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { AdminPostPartnersReq, validatePartnerBody } from "../../../lib/partner-input"
import type PartnerService from "../../../services/partner"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  const { q, status, limit, offset } = req.query as Record<string, string | undefined>
  res.json(await partners.list({ q, status, limit: limit as any, offset: offset as any }))
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  const { partner, secret } = await partners.create(await validatePartnerBody(AdminPostPartnersReq, req.body))
  // The only time the signing secret is shown: the admin hands it to the partner now.
  res.status(201).json({ partner: await partners.retrieveForAdmin(partner.id), webhook_secret: secret })
}

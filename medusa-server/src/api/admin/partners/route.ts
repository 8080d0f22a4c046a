import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerService from "../../../services/partner"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  const { q, status, limit, offset } = req.query as Record<string, string | undefined>
  res.json(await partners.list({ q, status, limit: limit as any, offset: offset as any }))
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const partners: PartnerService = req.scope.resolve("partnerService")
  const created = await partners.create(req.body as any)
  res.status(201).json({ partner: await partners.retrieveForAdmin(created.id) })
}

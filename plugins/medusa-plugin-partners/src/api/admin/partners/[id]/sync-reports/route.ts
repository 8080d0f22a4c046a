import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerService from "../../../../../services/partner"
import type PartnerFeedSyncService from "../../../../../services/partner-feed-sync"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await (req.scope.resolve("partnerService") as PartnerService).retrieve(req.params.id)
  const sync: PartnerFeedSyncService = req.scope.resolve("partnerFeedSyncService")
  res.json({ reports: await sync.listReports(req.params.id, Number((req.query as any).limit) || 20) })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerFeedSyncService from "../../../../../services/partner-feed-sync"

/** "Sync now" for one partner: runs the feed sync and answers with its report. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const sync: PartnerFeedSyncService = req.scope.resolve("partnerFeedSyncService")
  res.json({ report: await sync.syncPartner(req.params.id, "admin") })
}

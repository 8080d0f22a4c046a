import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type PartnerFeedSyncService from "../../../../services/partner-feed-sync"

/** "Sync now" for every partner with a feed. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const sync: PartnerFeedSyncService = req.scope.resolve("partnerFeedSyncService")
  res.json({ reports: await sync.syncAll("admin") })
}

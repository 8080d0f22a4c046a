import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type ChainSyncService from "../../../../services/chain-sync"

/** GET /admin/chain-sync/status: per contract head, cursor, lag, last error, logs ingested (admin only). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: ChainSyncService = req.scope.resolve("chainSyncService")
  res.json(await service.getStatus())
}

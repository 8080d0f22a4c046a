import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type MarketAdminService from "../../../../services/market-admin"

/** Listing counts, sales volume, royalties paid and fees collected, fee and pause. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await req.scope.resolve<MarketAdminService>("marketAdminService").summary())
}

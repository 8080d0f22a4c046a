import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { uintParam } from "../../../../../../lib/query"
import type MarketAdminService from "../../../../../../services/market-admin"

/** Moderation: takes the listing off the storefront (it stays on chain and can still be bought there). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const id = uintParam(req.params.id, "listing id")
  res.json({ listing: await req.scope.resolve<MarketAdminService>("marketAdminService").setHidden(id, true) })
}

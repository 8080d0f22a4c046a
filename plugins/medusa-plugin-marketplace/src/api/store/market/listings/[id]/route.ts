import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { uintParam } from "../../../../../lib/query"
import type MarketReadService from "../../../../../services/market-read"

/** One listing with its bids, time left, current price, next minimum bid, royalty and fee. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const id = uintParam(req.params.id, "listing id")
  res.json({ listing: await req.scope.resolve<MarketReadService>("marketReadService").listing(id) })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { listingFilter } from "../../../../lib/query"
import type MarketReadService from "../../../../services/market-read"

/** Listings on the market: active and not hidden unless `status` says otherwise; filters, sort and pages checked. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const filter = listingFilter(req.query as Record<string, unknown>)
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").listings(filter))
}

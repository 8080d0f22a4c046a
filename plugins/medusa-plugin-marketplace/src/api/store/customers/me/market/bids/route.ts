import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import { page } from "../../../../../../lib/query"
import type MarketReadService from "../../../../../../services/market-read"

/** Bids the signed-in customer's linked wallets placed, newest first, each with its auction. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your bids")
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").myBids(customerId, page(req.query as Record<string, unknown>)))
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import { page } from "../../../../../../lib/query"
import type MarketReadService from "../../../../../../services/market-read"

/** Listings the signed-in customer's linked wallets made, in every status. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your listings")
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").myListings(customerId, page(req.query as Record<string, unknown>)))
}

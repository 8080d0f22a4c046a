import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import type MarketReadService from "../../../../../../services/market-read"

/** Offers the signed-in customer made, and open offers on what their linked wallets hold. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your offers")
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").myOffers(customerId))
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type MarketReadService from "../../../../services/market-read"

/** Where the market is and how it is set: chain, contract addresses, platform fee, pause. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").config())
}

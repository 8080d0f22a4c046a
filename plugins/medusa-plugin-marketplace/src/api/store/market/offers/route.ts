import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { optionalAddress, optionalUint } from "../../../../lib/query"
import type MarketReadService from "../../../../services/market-read"

/** Offers, highest first, optionally on one token (`contract` and `token_id`). */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.query as Record<string, unknown>
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").offers({ contract: optionalAddress(query, "contract"), tokenId: optionalUint(query, "token_id") }))
}

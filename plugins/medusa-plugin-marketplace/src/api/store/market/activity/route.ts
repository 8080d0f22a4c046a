import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { optionalAddress, optionalUint, page } from "../../../../lib/query"
import type MarketReadService from "../../../../services/market-read"

/** The market's history, newest first, optionally of one token. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.query as Record<string, unknown>
  const filter = { tokenId: optionalUint(query, "token_id"), contract: optionalAddress(query, "contract"), ...page(query, 50) }
  res.json(await req.scope.resolve<MarketReadService>("marketReadService").activity(filter))
}

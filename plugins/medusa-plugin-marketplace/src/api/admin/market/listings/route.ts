import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { listingFilter } from "../../../../lib/query"
import type MarketAdminService from "../../../../services/market-admin"

/** Every listing, hidden ones too; the store's filters, with `status` defaulting to active. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.query as Record<string, unknown>
  const filter = listingFilter(query)
  // "any" shows every status.
  if (query.status === undefined || query.status === "") delete filter.status
  res.json(await req.scope.resolve<MarketAdminService>("marketAdminService").listings(filter))
}

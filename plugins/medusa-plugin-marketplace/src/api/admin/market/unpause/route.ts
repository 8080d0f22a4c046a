import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { withHttpErrors } from "../../../../lib/http"
import type MarketAdminService from "../../../../services/market-admin"

/** Resumes trading on PVAMarket, signed by the server's key; 409 when it lacks the admin role. */
export const POST = withHttpErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  res.json(await req.scope.resolve<MarketAdminService>("marketAdminService").setPaused(false))
})

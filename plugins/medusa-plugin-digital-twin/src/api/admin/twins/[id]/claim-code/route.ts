import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type TwinClaimService from "../../../../../services/twin-claim"

/** Re-send: a new code replaces the old one (only hashes are kept, so the old cannot be sent again). */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const claims: TwinClaimService = req.scope.resolve("twinClaimService")
  res.json(await claims.issueCode(req.params.id))
}

export const DELETE = async (req: MedusaRequest, res: MedusaResponse) => {
  const claims: TwinClaimService = req.scope.resolve("twinClaimService")
  res.json(await claims.revokeCode(req.params.id))
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { bodyOf, withHttpErrors } from "../../../../lib/http"
import { requireCustomer } from "@pva/medusa-kit"
import { refuseClaimFlood } from "../../../../lib/rate-limit"
import type DigitalTwinService from "../../../../services/digital-twin"
import type TwinClaimService from "../../../../services/twin-claim"
import type TwinChainService from "../../../../services/twin-chain"

/** `{ code, wallet, mode: "self" | "relay" }`: binds the twin to the wallet and hands out or relays the voucher. */
export const POST = withHttpErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "claim a twin")
  const body = bodyOf(req)
  const { settings } = req.scope.resolve("twinChainService") as TwinChainService
  if (await refuseClaimFlood(req, res, customerId, settings)) return
  const claims: TwinClaimService = req.scope.resolve("twinClaimService")
  const twins: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const result = await claims.claim({ customerId, code: body.code, wallet: body.wallet, mode: body.mode })
  res.json({ twin: twins.ownerView(result.twin), mode: result.mode, claim: result.voucher })
})

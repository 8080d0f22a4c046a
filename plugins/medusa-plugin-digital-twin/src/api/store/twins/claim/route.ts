import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { bodyOf, requireCustomer, withHttpErrors } from "../../../../lib/http"
import { clientIp, tooManyAttempts } from "../../../../lib/rate-limit"
import type DigitalTwinService from "../../../../services/digital-twin"
import type TwinClaimService from "../../../../services/twin-claim"
import type TwinChainService from "../../../../services/twin-chain"

/** `{ code, wallet, mode: "self" | "relay" }`: binds the twin to the wallet and hands out or relays the voucher. */
export const POST = withHttpErrors(async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "claim a twin")
  const body = bodyOf(req)
  const { claimAttemptsPerWindow: limit, claimWindowSeconds: window } = (req.scope.resolve("twinChainService") as TwinChainService).settings
  const waitSeconds =
    (await tooManyAttempts([`twin-claim:customer:${customerId}`], limit, window)) ??
    (await tooManyAttempts([`twin-claim:client:${clientIp(req)}`], limit * 5, window))
  if (waitSeconds) {
    res.setHeader("Retry-After", String(waitSeconds))
    res.status(429).json({ type: "too_many_requests", message: `Too many claim attempts: try again in ${waitSeconds} seconds` })
    return
  }
  const claims: TwinClaimService = req.scope.resolve("twinClaimService")
  const twins: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const result = await claims.claim({ customerId, code: body.code, wallet: body.wallet, mode: body.mode })
  res.json({ twin: twins.ownerView(result.twin), mode: result.mode, claim: result.voucher })
})

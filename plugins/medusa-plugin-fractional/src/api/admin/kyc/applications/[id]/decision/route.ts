import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { adminUserId } from "../../../../../../lib/request-user"
import type KycService from "../../../../../../services/kyc"
import { applicationView } from "../../../../../../services/kyc"

/** `{ decision: "approved" | "rejected" | "revoked", note }`; answers with each wallet's eligibility on chain. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const kyc: KycService = req.scope.resolve("kycService")
  const { application, eligibility } = await kyc.decide(req.params.id, adminUserId(req), req.body)
  res.json({ application: { ...applicationView(application), decisions: await kyc.decisionsOf(application.id) }, eligibility })
}

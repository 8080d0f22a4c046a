import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type KycService from "../../../../../services/kyc"
import { applicationView } from "../../../../../services/kyc"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const kyc: KycService = req.scope.resolve("kycService")
  const application = await kyc.retrieveApplication(req.params.id)
  res.json({ application: { ...applicationView(application), customer_id: application.customer_id, decisions: await kyc.decisionsOf(application.id) } })
}

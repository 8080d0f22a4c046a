import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type KycService from "../../../../services/kyc"
import { applicationView } from "../../../../services/kyc"

/** The review queue: `?status=pending` (default) | approved | rejected. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const kyc: KycService = req.scope.resolve("kycService")
  const status = typeof req.query.status === "string" ? req.query.status : "pending"
  const rows = await kyc.queue(status)
  res.json({ applications: rows.map((r: any) => ({ ...applicationView(r), customer_id: r.customer_id, customer_email: r.customer_email })) })
}

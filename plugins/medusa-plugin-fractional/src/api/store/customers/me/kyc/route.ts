import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import type KycService from "../../../../../services/kyc"
import { applicationView } from "../../../../../services/kyc"

/** The customer's own KYC status, their latest application and the outcome of its review. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your KYC status")
  const kyc: KycService = req.scope.resolve("kycService")
  const latest = await kyc.latestFor(customerId)
  const decisions = latest ? await kyc.decisionsOf(latest.id) : []
  res.json({
    kyc: {
      status: latest?.status ?? "required",
      application: latest ? applicationView(latest) : null,
      // the outcome and its note, not who decided
      decisions: decisions.map((d) => ({ decision: d.decision, note: d.note, created_at: d.created_at })),
    },
  })
}

/** `{ legal_name, country_code, date_of_birth }`: a new application for review. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "apply for KYC")
  const kyc: KycService = req.scope.resolve("kycService")
  const application = await kyc.submit(customerId, req.body)
  res.status(201).json({ kyc: { status: application.status, application: applicationView(application), decisions: [] } })
}

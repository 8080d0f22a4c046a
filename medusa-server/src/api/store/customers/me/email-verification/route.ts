import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type EmailVerificationService from "../../../../../services/email-verification"

function signedInCustomer(req: MedusaRequest): string {
  const customerId: string | undefined = (req as any).user?.customer_id
  if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in to see or confirm your email address")
  return customerId
}

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const verification: EmailVerificationService = req.scope.resolve("emailVerificationService")
  res.json({ verified: await verification.isVerified(signedInCustomer(req)) })
}

/** Sends a new link (earlier ones stop working); an already verified account is told so and sent nothing. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const verification: EmailVerificationService = req.scope.resolve("emailVerificationService")
  const customerId = signedInCustomer(req)
  const sent = await verification.requestVerification(customerId)
  res.status(202).json({ verified: !sent && (await verification.isVerified(customerId)) })
}

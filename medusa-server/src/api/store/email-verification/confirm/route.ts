import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type EmailVerificationService from "../../../../services/email-verification"

/** Opened from the emailed link; the token alone identifies the account, so no session is needed. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = (req.body as any)?.token
  if (typeof token !== "string" || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token is required: the code from the verification link")
  }
  const verification: EmailVerificationService = req.scope.resolve("emailVerificationService")
  await verification.confirm(token)
  res.json({ verified: true })
}

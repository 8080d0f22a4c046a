import type { CustomerService, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import jwt from "jsonwebtoken"
import { MedusaError } from "medusa-core-utils"
import { requireEmail } from "../../../../lib/email-address"
import { endSessions } from "../../../../lib/ended-sessions"
import type EmailVerificationService from "../../../../services/email-verification"
import type { EntityManager } from "typeorm"

const INVALID = "Invalid or expired password reset token: request a new link"

/**
 * Medusa's password-reset route, except that a forged or garbled token is the
 * client's mistake (401), not a 500. The token is signed with the current password
 * hash, so setting a new password spends it. Opening the emailed link also proves
 * the address, so the account counts as verified afterwards, and ends every session
 * the account had: whoever held one may be why the password was reset.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body = (req.body ?? {}) as Record<string, unknown>
  const email = requireEmail(body.email)
  if (typeof body.token !== "string" || !body.token) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "token is required: the code from the reset link")
  }
  if (typeof body.password !== "string" || body.password.length < 8) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "password must be at least 8 characters")
  }

  const customerService: CustomerService = req.scope.resolve("customerService")
  const customer = await customerService
    .retrieveRegisteredByEmail(email, { select: ["id", "password_hash"] })
    .catch(() => undefined)
  let claims: unknown
  try {
    claims = customer ? jwt.verify(body.token, customer.password_hash) : undefined
  } catch {
    claims = undefined
  }
  const claimedCustomer = typeof claims === "object" && claims !== null ? (claims as { customer_id?: unknown }).customer_id : undefined
  if (!customer || claimedCustomer !== customer.id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, INVALID)

  const password = body.password
  await req.scope.resolve<EntityManager>("manager").transaction(async (manager) => {
    await customerService.withTransaction(manager).update(customer.id, { password })
  })
  await endSessions(req, req.scope.resolve("manager"), customer.id, { exceptCaller: false })
  const verification: EmailVerificationService = req.scope.resolve("emailVerificationService")
  await verification.verifiedByPasswordReset(customer.id)
  res.status(200).json({ customer: await customerService.retrieve(customer.id) })
}

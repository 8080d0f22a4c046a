import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireEmail } from "../../../../lib/email-address"

/**
 * Medusa's password-token route, answering before any work is done: a known and an
 * unknown email get the same 204 in the same time, so the answer reveals no account.
 * The token is emailed by the customer.password_reset subscriber; Medusa signs it with
 * the current password hash and a 15-minute expiry, so a reset spends it.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const email = requireEmail((req.body as any)?.email)
  res.sendStatus(204)
  const customerService = req.scope.resolve("customerService")
  const logger = req.scope.resolve("logger")
  setImmediate(async () => {
    try {
      const customer = await customerService.retrieveRegisteredByEmail(email).catch(() => undefined)
      if (customer) await customerService.generateResetPasswordToken(customer.id)
    } catch (err: any) {
      logger.error(`password reset for a customer failed: ${err?.message ?? err}`)
    }
  })
}

import type { NextFunction, Request, Response } from "express"
import { MedusaError } from "medusa-core-utils"
import { amendJsonResponse, refuseOverLimit, type LimitRule } from "@pva/medusa-kit"
import { endSessions } from "./ended-sessions"

const CHANGING_PASSWORD = "pvaChangingPassword"

/**
 * Medusa lets `POST /store/customers/me` change the email and the password on the strength of
 * the session alone, so a stolen session could take the account over for good. A change of
 * either needs `current_password` (400 without it, 401 when wrong, counted by `limits` so a
 * stolen session cannot guess it); the field is then taken off the body, which Medusa's
 * validator would refuse.
 */
export function requireCurrentPassword(limits: LimitRule[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    check(req, res, limits).then((refused) => refused || next(), next)
  }
}

async function check(req: Request, res: Response, limits: LimitRule[]): Promise<boolean> {
  const body = (req.body ?? {}) as Record<string, unknown>
  const customerId: string | undefined = (req as any).user?.customer_id
  const currentPassword = body.current_password
  delete body.current_password
  if (!customerId) return false // Medusa answers 401 itself

  const scope = (req as any).scope
  const customer = await scope.resolve("customerService").retrieve(customerId, { select: ["id", "email"] })
  const changesEmail = body.email !== undefined && normalised(body.email) !== normalised(customer.email)
  const changesPassword = body.password !== undefined
  if (!changesEmail && !changesPassword) return false

  const what = changesEmail && changesPassword ? "email and password" : changesEmail ? "email" : "password"
  if (typeof currentPassword !== "string" || !currentPassword) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `current_password is required to change the account's ${what}`)
  }
  if (await refuseOverLimit(req, res, limits)) return true
  const { success } = await scope.resolve("authService").authenticateCustomer(customer.email, currentPassword)
  if (!success) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `current_password is not this account's password: the ${what} was not changed`)
  }
  res.locals[CHANGING_PASSWORD] = changesPassword
  return false
}

const normalised = (email: unknown) => (typeof email === "string" ? email.trim().toLowerCase() : email)

/** Once a password change has gone through, every other session of the account ends; the caller's stays. */
export const endOtherSessionsAfterPasswordChange = amendJsonResponse(async (_body, req, res) => {
  if (!res.locals[CHANGING_PASSWORD]) return
  const customerId: string = (req as any).user.customer_id
  await endSessions(req, (req as any).scope.resolve("manager"), customerId, { exceptCaller: true })
})

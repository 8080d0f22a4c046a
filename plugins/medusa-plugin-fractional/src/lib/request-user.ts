import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"

export const customerIdOf = (req: MedusaRequest): string | undefined => (req as any).user?.customer_id

export function requireCustomer(req: MedusaRequest, doing = "do this"): string {
  const id = customerIdOf(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Log in to ${doing}`)
  return id
}

/** The signed-in admin user (bearer token or session). */
export function adminUserId(req: MedusaRequest): string {
  const user = (req as any).user
  const id = user?.userId ?? user?.id
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Admin login required")
  return id
}

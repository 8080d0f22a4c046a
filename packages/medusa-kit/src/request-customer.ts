import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"

/** The signed-in customer on a store route (Medusa's session or bearer token), if any. */
export const customerIdOf = (req: MedusaRequest): string | undefined => (req as any).user?.customer_id

/** The signed-in customer, or a 401 that says what logging in is for: "Log in to see your wallets". */
export function requireCustomer(req: MedusaRequest, doing = "do this"): string {
  const id = customerIdOf(req)
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, `Log in to ${doing}`)
  return id
}

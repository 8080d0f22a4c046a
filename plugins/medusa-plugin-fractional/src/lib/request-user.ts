import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"

/** The signed-in admin user (bearer token or session). */
export function adminUserId(req: MedusaRequest): string {
  const user = (req as any).user
  const id = user?.userId ?? user?.id
  if (!id) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Admin login required")
  return id
}

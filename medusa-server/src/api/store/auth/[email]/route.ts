import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"

/**
 * Medusa's `GET /store/auth/:email` answers `{ exists }` for any email: an oracle
 * that would undo the password reset's silence about which emails have accounts.
 * No storefront uses it, so it is gone.
 */
export const GET = async (_req: MedusaRequest, res: MedusaResponse) => {
  res.status(404).json({ type: "not_found", message: "Not found: this store does not say which emails have accounts" })
}

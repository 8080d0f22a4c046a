import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { requireCustomer } from "@pva/medusa-kit"
import type CapTableService from "../../../../../services/cap-table"

/** Per offering: confirmed (on chain, synced) and pending shares, value = confirmed × price; and the total. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your portfolio")
  const capTable: CapTableService = req.scope.resolve("capTableService")
  res.json({ portfolio: await capTable.portfolio(customerId) })
}

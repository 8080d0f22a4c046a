import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { customerIdOf } from "@pva/medusa-kit"
import type CapTableService from "../../../services/cap-table"

/** Open, closed and sold-out offerings; `your_cap` when signed in. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const capTable: CapTableService = req.scope.resolve("capTableService")
  res.json({ offerings: await capTable.listForStore(customerIdOf(req)) })
}

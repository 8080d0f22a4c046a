import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { customerIdOf } from "@pva/medusa-kit"
import type CapTableService from "../../../../services/cap-table"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const capTable: CapTableService = req.scope.resolve("capTableService")
  res.json({ offering: await capTable.retrieveForStore(req.params.id, customerIdOf(req)) })
}

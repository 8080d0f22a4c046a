import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type CapTableService from "../../../../../services/cap-table"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const capTable: CapTableService = req.scope.resolve("capTableService")
  res.json({ cap_table: await capTable.capTable(req.params.id) })
}

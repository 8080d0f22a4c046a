import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { DashboardQueryError, parseDashboardQuery } from "../../../lib/date-range"
import type SalesDashboardService from "../../../services/sales-dashboard"

/**
 * GET /admin/sales-dashboard?from=YYYY-MM-DD&to=YYYY-MM-DD&sales_channel_id=
 * Every panel of the dashboard in one answer (admin only: Medusa guards /admin).
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  let query
  try {
    query = parseDashboardQuery(req.query as Record<string, unknown>)
  } catch (err) {
    if (err instanceof DashboardQueryError) return res.status(400).json({ type: "invalid_data", message: err.message })
    throw err
  }
  const service: SalesDashboardService = req.scope.resolve("salesDashboardService")
  res.json(await service.dashboard(query))
}

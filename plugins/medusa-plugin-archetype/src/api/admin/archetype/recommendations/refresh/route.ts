import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type RecommendationSignalsService from "../../../../../services/recommendation-signals"

/** Rebuilds co-purchase and popularity now instead of waiting for the hourly refresh. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const signals: RecommendationSignalsService = req.scope.resolve("recommendationSignalsService")
  res.json({ refreshed: await signals.refreshAll() })
}

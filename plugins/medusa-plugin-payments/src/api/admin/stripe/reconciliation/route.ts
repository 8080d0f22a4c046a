import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import type { PaymentsPluginOptions } from "../../../../lib/options"
import { reconciliationRange, reconcileStripe } from "../../../../lib/reconciliation"

/** GET /admin/stripe/reconciliation?from=&to=: every difference between the store's payments and Stripe's over the range (default: 30 days). */
export async function GET(req: MedusaRequest, res: MedusaResponse) {
  const options: PaymentsPluginOptions = req.scope.resolve("pp_stripe").options
  if (!options.api_key) return res.status(409).json({ type: "not_allowed", message: "Stripe is not configured on this server (STRIPE_API_KEY)" })
  const text = (name: string) => (typeof req.query[name] === "string" ? (req.query[name] as string) : undefined)
  let range: { from: Date; to: Date }
  try {
    range = reconciliationRange(text("from"), text("to"))
  } catch (err) {
    return res.status(400).json({ type: "invalid_data", message: (err as Error).message })
  }
  const pageSize = text("page_size") === undefined ? 100 : Number(text("page_size"))
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) {
    return res.status(400).json({ type: "invalid_data", message: "page_size must be a whole number from 1 to 100" })
  }
  const manager: EntityManager = req.scope.resolve("manager")
  const report = await reconcileStripe({
    stripe: req.scope.resolve("pp_stripe").getStripe(),
    db: manager,
    ...range,
    pageSize,
  })
  res.json(report)
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OfferingService from "../../../services/offering"
import { offeringView } from "../../../services/offering"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const offerings: OfferingService = req.scope.resolve("offeringService")
  const status = typeof req.query.status === "string" ? req.query.status : undefined
  res.json({ offerings: (await offerings.list({ status })).map(offeringView) })
}

/** A new draft: `{ title, artifact_product_id | twin_token_id, total_shares, prices: { usd, eur }, investor_cap?, lockup_until? }`. */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const offerings: OfferingService = req.scope.resolve("offeringService")
  res.status(201).json({ offering: offeringView(await offerings.create(req.body)) })
}

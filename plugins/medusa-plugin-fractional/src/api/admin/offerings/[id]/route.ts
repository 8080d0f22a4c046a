import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OfferingService from "../../../../services/offering"
import { offeringView } from "../../../../services/offering"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const offerings: OfferingService = req.scope.resolve("offeringService")
  res.json({ offering: offeringView(await offerings.retrieve(req.params.id)) })
}

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const offerings: OfferingService = req.scope.resolve("offeringService")
  res.json({ offering: offeringView(await offerings.update(req.params.id, req.body)) })
}

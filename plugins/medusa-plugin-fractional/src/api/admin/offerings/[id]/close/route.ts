import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type OfferingService from "../../../../../services/offering"
import { offeringView } from "../../../../../services/offering"

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const offerings: OfferingService = req.scope.resolve("offeringService")
  res.json({ offering: offeringView(await offerings.close(req.params.id)) })
}

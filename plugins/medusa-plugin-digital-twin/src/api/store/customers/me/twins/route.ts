import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { pageOf } from "../../../../../lib/http"
import { requireCustomer } from "@pva/medusa-kit"
import type DigitalTwinService from "../../../../../services/digital-twin"

/** The signed-in customer's twins, claimed or waiting to be claimed. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const customerId = requireCustomer(req, "see your twins")
  const { limit, offset } = pageOf(req.query as Record<string, unknown>)
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const { twins, count } = await service.list({ limit, offset, customerId })
  res.json({ twins: twins.map((t) => service.ownerView(t)), count, limit, offset })
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { invalid, pageOf } from "../../../lib/http"
import type DigitalTwinService from "../../../services/digital-twin"
import { TWIN_STATUSES } from "../../../db/digital-twin"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.query as Record<string, unknown>
  const { limit, offset } = pageOf(query, 200)
  const status = query.status as string | undefined
  if (status !== undefined && !(TWIN_STATUSES as readonly string[]).includes(status)) invalid(`status must be one of ${TWIN_STATUSES.join(", ")}`)
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const { twins, count } = await service.list({ limit, offset, status })
  res.json({ twins: twins.map((t) => ({ ...service.ownerView(t), order_id: t.order_id, customer_id: t.customer_id })), count, limit, offset })
}

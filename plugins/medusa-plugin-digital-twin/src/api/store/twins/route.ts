import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { invalid, pageOf } from "../../../lib/http"
import type DigitalTwinService from "../../../services/digital-twin"
import { TWIN_STATUSES } from "../../../db/digital-twin"

/** Public: every twin, by token id; no buyer, order or claim data. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const query = req.query as Record<string, unknown>
  const { limit, offset } = pageOf(query)
  const status = query.status as string | undefined
  if (status !== undefined && !(TWIN_STATUSES as readonly string[]).includes(status)) invalid(`status must be one of ${TWIN_STATUSES.join(", ")}`)
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const { twins, count } = await service.list({ limit, offset, status })
  res.json({ twins: twins.map((t) => service.publicView(t)), count, limit, offset })
}

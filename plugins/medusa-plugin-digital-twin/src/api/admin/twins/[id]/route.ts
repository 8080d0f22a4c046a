import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import type DigitalTwinService from "../../../../services/digital-twin"
import { latestClaimCode } from "../../../../db/digital-twin-claim-code"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const service: DigitalTwinService = req.scope.resolve("digitalTwinService")
  const twin = await service.byId(req.params.id)
  if (!twin) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No twin ${req.params.id}`)
  const code = await latestClaimCode(req.scope.resolve<EntityManager>("manager"), twin.id)
  res.json({
    twin: { ...service.ownerView(twin), order_id: twin.order_id, customer_id: twin.customer_id, pinned_at: twin.pinned_at },
    claim_code: code ? { issued_at: code.created_at, revoked_at: code.revoked_at } : null,
    timeline: await service.timeline(twin.id),
  })
}

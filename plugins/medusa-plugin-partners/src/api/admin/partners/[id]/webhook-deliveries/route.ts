import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type PartnerService from "../../../../../services/partner"
import type WebhookDeliveryService from "../../../../../services/webhook-delivery"

const STATUSES = ["pending", "delivered", "dead"]

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  await (req.scope.resolve("partnerService") as PartnerService).retrieve(req.params.id)
  const { status, limit, offset } = req.query as Record<string, string | undefined>
  if (status && !STATUSES.includes(status)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `status must be one of ${STATUSES.join(", ")}`)
  }
  const deliveries: WebhookDeliveryService = req.scope.resolve("webhookDeliveryService")
  res.json(await deliveries.listForPartner(req.params.id, { status, limit: Number(limit) || undefined, offset: Number(offset) || undefined }))
}

import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type WebhookDeliveryService from "../../../../../../../services/webhook-delivery"

export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const deliveries: WebhookDeliveryService = req.scope.resolve("webhookDeliveryService")
  res.status(202).json({ delivery: await deliveries.replay(req.params.id, req.params.delivery_id) })
}

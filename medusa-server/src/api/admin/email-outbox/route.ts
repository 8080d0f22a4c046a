import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type EmailOutboxService from "../../../services/email-outbox"

export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const outbox: EmailOutboxService = req.scope.resolve("emailOutboxService")
  const q = req.query as Record<string, string | undefined>
  res.json(
    await outbox.list({
      to: q.to,
      event_name: q.event_name,
      resource_id: q.resource_id,
      limit: Number(q.limit) || undefined,
      offset: Number(q.offset) || undefined,
    })
  )
}

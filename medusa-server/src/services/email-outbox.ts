import { TransactionBaseService } from "@medusajs/medusa"
import { listEmails, recordEmail } from "../db/email-outbox"

export type OutboxMessage = {
  to: string
  subject: string
  html: string
  text: string
  event_name: string
  resource_id?: string | null
}

/** Every rendered email, stored when no mail service is configured, readable by admins and tests. */
class EmailOutboxService extends TransactionBaseService {
  async record(message: OutboxMessage) {
    return recordEmail(this.activeManager_, { ...message, resource_id: message.resource_id ?? null })
  }

  async list(opts: { to?: string; event_name?: string; resource_id?: string; limit?: number; offset?: number } = {}) {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200)
    const offset = Math.max(opts.offset ?? 0, 0)
    const { emails, count } = await listEmails(this.activeManager_, { to: opts.to, event_name: opts.event_name, resource_id: opts.resource_id }, { limit, offset })
    return { emails, count, limit, offset }
  }
}

export default EmailOutboxService

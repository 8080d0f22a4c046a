import { TransactionBaseService } from "@medusajs/medusa"

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
    const [row] = await this.activeManager_.query(
      `INSERT INTO email_outbox ("to", subject, html, text, event_name, resource_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
      [message.to, message.subject, message.html, message.text, message.event_name, message.resource_id ?? null]
    )
    return row
  }

  async list(opts: { to?: string; event_name?: string; resource_id?: string; limit?: number; offset?: number } = {}) {
    const where: string[] = []
    const params: unknown[] = []
    for (const key of ["to", "event_name", "resource_id"] as const) {
      if (opts[key]) {
        params.push(opts[key])
        where.push(`"${key}" = $${params.length}`)
      }
    }
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200)
    const offset = Math.max(opts.offset ?? 0, 0)
    const emails = await this.activeManager_.query(
      `SELECT id::text, "to", subject, html, text, event_name, resource_id, created_at FROM email_outbox ${filter}
        ORDER BY id DESC LIMIT ${limit} OFFSET ${offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(`SELECT count(*)::int AS count FROM email_outbox ${filter}`, params)
    return { emails, count, limit, offset }
  }
}

export default EmailOutboxService

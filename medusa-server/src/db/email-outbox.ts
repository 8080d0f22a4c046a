// Every rendered email, stored when no mail service is configured, readable by admins and tests.
import { defineTable, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const emailOutboxTable = defineTable("email_outbox", {
  id: pg.int8,
  to: pg.text,
  subject: pg.text,
  html: pg.text,
  text: pg.text,
  event_name: pg.text,
  resource_id: pg.text.orNull,
  created_at: pg.timestamptz,
})

export type EmailOutboxRow = RowOf<typeof emailOutboxTable>
export type OutboxFilter = Partial<Pick<EmailOutboxRow, "to" | "event_name" | "resource_id">>

export async function recordEmail(
  db: SqlRunner,
  m: Pick<EmailOutboxRow, "to" | "subject" | "html" | "text" | "event_name" | "resource_id">
): Promise<Pick<EmailOutboxRow, "id" | "created_at">> {
  const row = await selectRow<Pick<EmailOutboxRow, "id" | "created_at">>(
    db,
    `INSERT INTO email_outbox ("to", subject, html, text, event_name, resource_id)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at`,
    [m.to, m.subject, m.html, m.text, m.event_name, m.resource_id]
  )
  return row!
}

/** A page of stored emails matching the filter, newest first, with how many match. */
export async function listEmails(db: SqlRunner, filter: OutboxFilter, page: { limit: number; offset: number }): Promise<{ emails: EmailOutboxRow[]; count: number }> {
  const where: string[] = []
  const params: unknown[] = []
  for (const key of ["to", "event_name", "resource_id"] as const) {
    if (filter[key]) {
      params.push(filter[key])
      where.push(`"${key}" = $${params.length}`)
    }
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : ""
  const emails = await selectRows<EmailOutboxRow>(
    db,
    `SELECT ${emailOutboxTable.select} FROM email_outbox ${clause} ORDER BY id DESC LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}`,
    params
  )
  const counted = await selectRow<{ count: number }>(db, `SELECT count(*)::int AS count FROM email_outbox ${clause}`, params)
  return { emails, count: counted?.count ?? 0 }
}

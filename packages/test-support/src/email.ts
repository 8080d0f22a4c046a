import { query } from "./database"

export type OutboxEmail = { id: number; to: string; subject: string; html: string; text: string; event_name: string; resource_id: string | null }

/** Emails the server stored in its outbox (no RESEND_API_KEY in tests) for one address and event, oldest first. */
export async function emailsTo(to: string, event: string, databaseUrl = process.env.PVA_TEST_DATABASE_URL!): Promise<OutboxEmail[]> {
  const rows = await query<OutboxEmail>(
    databaseUrl,
    `SELECT id::int AS id, "to", subject, html, text, event_name, resource_id FROM email_outbox WHERE "to" = $1 AND event_name = $2 ORDER BY id`,
    [to, event]
  )
  return rows
}

/** Waits for the `count`-th such email (subscribers run after the response). */
export async function nthEmailTo(to: string, event: string, count = 1, databaseUrl?: string, timeoutMs = 15_000): Promise<OutboxEmail> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const emails = await emailsTo(to, event, databaseUrl)
    if (emails.length >= count) return emails[count - 1]
    if (Date.now() > deadline) throw new Error(`no email #${count} "${event}" to ${to} (found ${emails.length})`)
    await new Promise((r) => setTimeout(r, 150))
  }
}

/** The token an emailed link carries, and the link itself. */
export function linkIn(email: OutboxEmail): { url: URL; token: string } {
  const match = email.text.match(/https?:\/\/\S+/)
  if (!match) throw new Error(`no link in email "${email.subject}"`)
  const url = new URL(match[0])
  return { url, token: url.searchParams.get("token") ?? "" }
}

// market_notification: which market emails went out, so each goes out once however often the
// log behind it is delivered (chain sync is at-least-once across crashes) or a job re-runs.
import { rows, type Sql } from "../lib/sql"

/** Records `key`; false when it was recorded before (the email was sent already). */
export async function claimNotification(sql: Sql, key: string): Promise<boolean> {
  const inserted = await rows<{ key: string }>(sql, `INSERT INTO market_notification (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`, [key])
  return inserted.length > 0
}

/** Which of `keys` were sent already: asked before the sending, so a known email costs one query. */
export async function sentAlready(sql: Sql, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set()
  const found = await rows<{ key: string }>(sql, `SELECT key FROM market_notification WHERE key = ANY($1)`, [keys])
  return new Set(found.map((r) => r.key))
}

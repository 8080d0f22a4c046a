// market_notification: which market emails went out, so each goes out once however often the
// log behind it is delivered (chain sync is at-least-once across crashes) or a job re-runs.
import { defineTable, execute, pg, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const marketNotificationTable = defineTable("market_notification", {
  // what was sent and to whom, e.g. `outbid:<listing>:<wallet>:<bid>`
  key: pg.text,
  sent_at: pg.timestamptz,
})

export type MarketNotificationRow = RowOf<typeof marketNotificationTable>

/** Records `key`; false when it was recorded before (the email was sent already). */
export async function claimNotification(db: SqlRunner, key: string): Promise<boolean> {
  const inserted = await execute(db, `INSERT INTO market_notification (key) VALUES ($1) ON CONFLICT (key) DO NOTHING RETURNING key`, [key])
  return inserted > 0
}

/** Which of `keys` were sent already: asked before the sending, so a known email costs one query. */
export async function sentAlready(db: SqlRunner, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set()
  const found = await selectRows<{ key: string }>(db, `SELECT key FROM market_notification WHERE key = ANY($1)`, [keys])
  return new Set(found.map((r) => r.key))
}

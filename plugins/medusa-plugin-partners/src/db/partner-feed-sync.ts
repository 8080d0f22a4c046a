// One report per run of a partner's inventory feed, kept for the admin.
import { defineTable, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export type FeedUpdate = { sku: string; from: number; to: number }
export type FeedBadRow = { row: number; reason: string; raw: string }

export const partnerFeedSyncTable = defineTable("partner_feed_sync", {
  id: pg.int8,
  partner_id: pg.text,
  status: pg.textOf<"ok" | "failed">(),
  trigger: pg.text,
  updated: pg.jsonb<FeedUpdate[]>(),
  unchanged: pg.int4,
  unknown_skus: pg.jsonb<string[]>(),
  bad_rows: pg.jsonb<FeedBadRow[]>(),
  error: pg.text.orNull,
  started_at: pg.timestamptz,
  finished_at: pg.timestamptz,
})

export type FeedSyncRow = RowOf<typeof partnerFeedSyncTable>

const REPORT = `id::text, partner_id, status, trigger, updated, unchanged, unknown_skus, bad_rows, error, started_at, finished_at`

export async function saveFeedReport(
  db: SqlRunner,
  r: Pick<FeedSyncRow, "partner_id" | "status" | "trigger" | "updated" | "unchanged" | "unknown_skus" | "bad_rows" | "error" | "started_at">
): Promise<FeedSyncRow> {
  const row = await selectRow<FeedSyncRow>(
    db,
    `INSERT INTO partner_feed_sync (partner_id, status, trigger, updated, unchanged, unknown_skus, bad_rows, error, started_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${REPORT}`,
    [r.partner_id, r.status, r.trigger, JSON.stringify(r.updated), r.unchanged, JSON.stringify(r.unknown_skus), JSON.stringify(r.bad_rows), r.error, r.started_at]
  )
  return row!
}

/** The partner's latest reports, newest first. */
export function feedReportsOf(db: SqlRunner, partnerId: string, limit: number): Promise<FeedSyncRow[]> {
  return selectRows<FeedSyncRow>(db, `SELECT ${REPORT} FROM partner_feed_sync WHERE partner_id = $1 ORDER BY id DESC LIMIT $2`, [partnerId, limit])
}

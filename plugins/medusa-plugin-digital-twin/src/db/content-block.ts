import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

/** The local content-addressed store behind GET /ipfs/:cid: bytes keyed by their CID. */
export const contentBlockTable = defineTable("content_block", {
  cid: pg.text,
  content_type: pg.text,
  bytes: pg.bytea,
  created_at: pg.timestamptz,
})

export type ContentBlockRow = RowOf<typeof contentBlockTable>

/** Stores the bytes once: the same CID is the same content. */
export async function putBlock(db: SqlRunner, block: Pick<ContentBlockRow, "cid" | "content_type" | "bytes">): Promise<void> {
  await execute(db, `INSERT INTO content_block (cid, content_type, bytes) VALUES ($1, $2, $3) ON CONFLICT (cid) DO NOTHING`, [
    block.cid,
    block.content_type,
    block.bytes,
  ])
}

export function blockByCid(db: SqlRunner, cid: string): Promise<Pick<ContentBlockRow, "content_type" | "bytes"> | null> {
  return selectRow(db, `SELECT content_type, bytes FROM content_block WHERE cid = $1`, [cid])
}

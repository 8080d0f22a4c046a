import { defineTable, execute, pg, selectRow, type RowOf, type SqlRunner } from "@pva/medusa-kit"

/** A claim code's hash (never the code); one live code per twin. */
export const digitalTwinClaimCodeTable = defineTable("digital_twin_claim_code", {
  id: pg.text,
  twin_id: pg.text,
  code_hash: pg.text,
  revoked_at: pg.timestamptz.orNull,
  created_at: pg.timestamptz,
})

export type ClaimCodeRow = RowOf<typeof digitalTwinClaimCodeTable>

/** Revokes the twin's live code; answers how many there were (0 or 1). */
export function revokeLiveCode(db: SqlRunner, twinId: string): Promise<number> {
  return execute(db, `UPDATE digital_twin_claim_code SET revoked_at = now() WHERE twin_id = $1 AND revoked_at IS NULL RETURNING id`, [twinId])
}

export async function hasLiveCode(db: SqlRunner, twinId: string): Promise<boolean> {
  return (await selectRow(db, `SELECT id FROM digital_twin_claim_code WHERE twin_id = $1 AND revoked_at IS NULL`, [twinId])) !== null
}

export async function insertClaimCode(db: SqlRunner, code: Pick<ClaimCodeRow, "id" | "twin_id" | "code_hash">): Promise<void> {
  await execute(db, `INSERT INTO digital_twin_claim_code (id, twin_id, code_hash) VALUES ($1, $2, $3)`, [code.id, code.twin_id, code.code_hash])
}

export function latestClaimCode(db: SqlRunner, twinId: string): Promise<Pick<ClaimCodeRow, "created_at" | "revoked_at"> | null> {
  return selectRow(db, `SELECT created_at, revoked_at FROM digital_twin_claim_code WHERE twin_id = $1 ORDER BY created_at DESC LIMIT 1`, [twinId])
}

/** The twin a live code opens, with whose it is (a registered buyer's code works only in their account). */
export function twinOfLiveCode(db: SqlRunner, codeHash: string): Promise<{ id: string; customer_id: string | null; has_account: boolean | null } | null> {
  return selectRow(
    db,
    `SELECT t.id, t.customer_id, c.has_account
       FROM digital_twin_claim_code k JOIN digital_twin t ON t.id = k.twin_id LEFT JOIN customer c ON c.id = t.customer_id
      WHERE k.code_hash = $1 AND k.revoked_at IS NULL`,
    [codeHash]
  )
}

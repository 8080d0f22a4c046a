import { execute, type SqlRunner } from "@pva/medusa-kit"
import { chainBlockTable } from "./chain-block"
import { chainCursorTable } from "./chain-cursor"
import { chainLogTable } from "./chain-log"

/** Every table this plugin's schema makes, each described once in its home beside this file. */
export const CHAIN_SYNC_TABLES = [chainCursorTable, chainLogTable, chainBlockTable]

/**
 * Forgets everything synced from a chain (its logs, block hashes and cursors), for a local
 * development chain that restarted empty: the next sync starts again from each contract's
 * start block. Tolerates a database where the schema does not exist yet.
 */
export async function forgetChain(db: SqlRunner, chainId: number): Promise<void> {
  for (const table of ["chain_log", "chain_block", "chain_cursor"]) {
    await execute(db, `DELETE FROM ${table} WHERE chain_id = $1`, [chainId]).catch(() => undefined)
  }
}

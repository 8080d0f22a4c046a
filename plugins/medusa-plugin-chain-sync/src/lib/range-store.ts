// Stores one read range in one transaction: its logs (COPY for a range seen for the first time,
// a merging insert for one holding rows stored before), the block hashes kept for walking back,
// the cursors, and the older logs the range makes deep enough to confirm.
import { withClient } from "@pva/medusa-kit"
import type { Pool } from "pg"
import { OUTBOX_COLUMNS, type DecodedRow, type OutboxRow } from "./chain-log"
import { copyField, copyFromText } from "./copy-text"
import type { RpcBlock } from "./rpc-failover"

const UNIQUE_VIOLATION = "23505"

const COPY_LOGS = `COPY chain_log (chain_id, block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, status)
  FROM STDIN`

/** Stores what is new and revives rows of a block that came back after being orphaned (A -> B -> A). */
const MERGE_LOGS = `WITH stored AS (
    INSERT INTO chain_log (chain_id, block_hash, log_index, block_number, tx_hash, tx_index, contract_address, event_name, args, status)
    SELECT $1, r.block_hash, r.log_index, r.block_number, r.tx_hash, r.tx_index, r.contract_address, r.event_name, r.args, r.status
    FROM json_to_recordset($2::json) AS r(block_hash text, log_index int, block_number bigint, tx_hash text, tx_index int,
         contract_address text, event_name text, args jsonb, status text)
    ON CONFLICT (chain_id, block_hash, log_index) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
      WHERE chain_log.status = 'removed'
    RETURNING contract_address)
  SELECT contract_address, count(*)::int AS n FROM stored GROUP BY contract_address`

/**
 * The rows as COPY_LOGS input. Built while the range is decoded (possibly read ahead), so the
 * work overlaps the commit of the range before. Hashes, addresses and numbers were validated as
 * hex and digits when decoded: only names and args can need escaping.
 */
export function copyText(chainId: number, rows: DecodedRow[]): string {
  const lines: string[] = new Array(rows.length)
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]
    lines[i] = `${chainId}\t${r.block_hash}\t${r.log_index}\t${r.block_number}\t${r.tx_hash}\t${r.tx_index}\t${r.contract_address}\t${copyField(r.event_name)}\t${copyField(JSON.stringify(r.args))}\t${r.status}\n`
  }
  return lines.join("")
}

export interface RangeToStore {
  /** The contracts read together (their cursors all stood at `from - 1`). */
  addresses: string[]
  from: number
  to: number
  first: RpcBlock | null
  end: RpcBlock
  head: number
  rows: DecodedRow[]
  /** `rows` in COPY's text format (copyText). */
  copy: string
  ignoredByContract: Map<string, number>
}

export interface StoredRange {
  /** Rows inserted or revived; fewer than `rows` when some were stored already. */
  stored: number
  /** Logs stored earlier as `seen` that this range made `confirmed`. */
  deepEnough: OutboxRow[]
}

export class RangeStore {
  constructor(
    private readonly pool: Pool,
    private readonly chainId: number,
    private readonly confirmations: number,
    /** chain_block rows kept below the cursor for walk-back. */
    private readonly keepBlocks: number,
  ) {}

  async commit({ addresses, from, to, first, end, head, rows, copy, ignoredByContract }: RangeToStore): Promise<StoredRange> {
    return withClient(this.pool, async (client) => {
      try {
        await client.query("BEGIN; SAVEPOINT chain_log_copy")
        let stored = 0
        const perContract = new Map<string, number>()
        if (rows.length) {
          try {
            await copyFromText(client, COPY_LOGS, copy)
            for (const r of rows) perContract.set(r.contract_address, (perContract.get(r.contract_address) ?? 0) + 1)
            stored = rows.length
          } catch (error) {
            if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error
            // A replay, or a block coming back after being orphaned.
            await client.query("ROLLBACK TO SAVEPOINT chain_log_copy")
            const result = await client.query<{ contract_address: string; n: number }>(MERGE_LOGS, [this.chainId, JSON.stringify(rows)])
            for (const r of result.rows) {
              perContract.set(r.contract_address, r.n)
              stored += r.n
            }
          }
        }
        // Hashes for walk-back: every block with logs, the range's first and last block.
        const blocks = new Map<number, { hash: string; parent: string | null }>()
        for (const r of rows) blocks.set(r.block_number, { hash: r.block_hash, parent: null })
        if (first) blocks.set(first.number, { hash: first.hash, parent: first.parentHash })
        blocks.set(end.number, { hash: end.hash, parent: end.parentHash })
        await client.query(
          `INSERT INTO chain_block (chain_id, block_number, block_hash, parent_hash)
           SELECT $1, * FROM unnest($2::bigint[], $3::text[], $4::text[])
           ON CONFLICT (chain_id, block_number) DO UPDATE SET block_hash = EXCLUDED.block_hash, parent_hash = EXCLUDED.parent_hash`,
          [this.chainId, [...blocks.keys()], [...blocks.values()].map((b) => b.hash), [...blocks.values()].map((b) => b.parent)],
        )
        // Only from where the range was read: a follower that lost its lock mid-range must not
        // move back a cursor that the follower holding the lock now has moved on.
        const moved = await client.query(
          `UPDATE chain_cursor c SET block_number = $3, block_hash = $4, head_block = $5,
             logs_ingested = logs_ingested + d.ingested, logs_ignored = logs_ignored + d.ignored,
             last_error = NULL, updated_at = now()
           FROM unnest($2::text[], $6::int[], $7::int[]) AS d(contract_address, ingested, ignored)
           WHERE c.chain_id = $1 AND c.contract_address = d.contract_address AND c.block_number = $8`,
          [
            this.chainId,
            addresses,
            to,
            end.hash,
            head,
            addresses.map((a) => perContract.get(a) ?? 0),
            addresses.map((a) => ignoredByContract.get(a) ?? 0),
            from - 1,
          ],
        )
        if (moved.rowCount !== addresses.length) throw new Error(`chain-sync: cursors moved past block ${from - 1} while blocks ${from}-${to} were read; reading again`)
        let deepEnough: OutboxRow[] = []
        if (this.confirmations > 0) {
          const result = await client.query<OutboxRow>(
            `UPDATE chain_log SET status = 'confirmed', updated_at = now()
             WHERE chain_id = $1 AND contract_address = ANY($2) AND status = 'seen' AND block_number <= $3
             RETURNING ${OUTBOX_COLUMNS}`,
            [this.chainId, addresses, to - this.confirmations],
          )
          deepEnough = result.rows
        }
        if (to % 256 === 0 || to - from > 256) {
          await client.query(`DELETE FROM chain_block WHERE chain_id = $1 AND block_number < $2`, [this.chainId, to - this.keepBlocks])
        }
        await client.query("COMMIT")
        return { stored, deepEnough }
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined)
        throw error
      }
    })
  }
}

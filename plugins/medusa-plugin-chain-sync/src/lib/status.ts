// What `GET /admin/chain-sync/status`, the admin page and `pva-chain-sync status` show.
export type RunQuery = (sql: string, params?: unknown[]) => Promise<any[]>

export interface ContractStatus {
  chain_id: number
  contract_name: string
  contract_address: string
  start_block: number
  head: number | null
  cursor: number
  cursor_hash: string | null
  lag: number | null
  /** Block of the last confirmed log consumers were told of (-1: none yet). */
  announced_block: number
  logs_ingested: number
  logs_ignored: number
  reorgs: number
  last_error: string | null
  last_error_at: string | null
  updated_at: string
}

export interface ChainSyncStatus {
  contracts: ContractStatus[]
  /** Confirmed/removed logs consumers have not been told about yet. */
  pending_notifications: number
  logs: { seen: number; confirmed: number; removed: number }
}

export async function readStatus(run: RunQuery, chainId?: number): Promise<ChainSyncStatus> {
  const filter = chainId === undefined ? "" : "WHERE chain_id = $1"
  const params = chainId === undefined ? [] : [chainId]
  const cursors = await run(
    `SELECT chain_id, contract_name, contract_address, start_block, block_number, block_hash, head_block, announced_block,
            logs_ingested, logs_ignored, reorgs, last_error, last_error_at, updated_at
     FROM chain_cursor ${filter} ORDER BY chain_id, contract_name`,
    params,
  )
  const [pending] = await run(
    `SELECT (SELECT count(*) FROM chain_log l JOIN chain_cursor c USING (chain_id, contract_address)
             WHERE ${chainId === undefined ? "" : "l.chain_id = $1 AND"} l.status = 'confirmed'
               AND (l.block_number, l.log_index) > (c.announced_block, c.announced_log_index)
               AND l.notified IS DISTINCT FROM 'confirmed')::int
          + (SELECT count(*) FROM chain_log ${filter ? `${filter} AND` : "WHERE"} status = 'removed' AND notified = 'confirmed')::int AS n`,
    params,
  )
  const byStatus = await run(`SELECT status, count(*)::int AS n FROM chain_log ${filter} GROUP BY status`, params)
  const logs = { seen: 0, confirmed: 0, removed: 0 }
  for (const row of byStatus) logs[row.status as keyof typeof logs] = row.n
  return {
    contracts: cursors.map((c) => {
      const head = c.head_block === null ? null : Number(c.head_block)
      const cursor = Number(c.block_number)
      return {
        chain_id: c.chain_id,
        contract_name: c.contract_name,
        contract_address: c.contract_address,
        start_block: Number(c.start_block),
        head,
        cursor,
        cursor_hash: c.block_hash,
        lag: head === null ? null : Math.max(0, head - cursor),
        announced_block: Number(c.announced_block),
        logs_ingested: Number(c.logs_ingested),
        logs_ignored: Number(c.logs_ignored),
        reorgs: c.reorgs,
        last_error: c.last_error,
        last_error_at: c.last_error_at ? new Date(c.last_error_at).toISOString() : null,
        updated_at: new Date(c.updated_at).toISOString(),
      }
    }),
    pending_notifications: pending?.n ?? 0,
    logs,
  }
}

// The plugin's tables. The Medusa migrations and `pva-chain-sync migrate` run the same
// statements; every statement is idempotent so either may run first.
export const CHAIN_SYNC_SCHEMA_V1: string[] = [
  `CREATE TABLE IF NOT EXISTS chain_cursor (
    chain_id integer NOT NULL,
    contract_address text NOT NULL,
    contract_name text NOT NULL,
    start_block bigint NOT NULL,
    block_number bigint NOT NULL,
    block_hash text,
    head_block bigint,
    logs_ingested bigint NOT NULL DEFAULT 0,
    logs_ignored bigint NOT NULL DEFAULT 0,
    reorgs integer NOT NULL DEFAULT 0,
    last_error text,
    last_error_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chain_cursor_pkey PRIMARY KEY (chain_id, contract_address)
  )`,
  `CREATE TABLE IF NOT EXISTS chain_log (
    chain_id integer NOT NULL,
    block_hash text NOT NULL,
    log_index integer NOT NULL,
    block_number bigint NOT NULL,
    tx_hash text NOT NULL,
    tx_index integer NOT NULL,
    contract_address text NOT NULL,
    event_name text NOT NULL,
    args jsonb NOT NULL,
    status text NOT NULL,
    notified text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT chain_log_pkey PRIMARY KEY (chain_id, block_hash, log_index),
    CONSTRAINT chain_log_status_check CHECK (status IN ('seen', 'confirmed', 'removed')),
    CONSTRAINT chain_log_notified_check CHECK (notified IS NULL OR notified IN ('confirmed', 'removed'))
  )`,
  `CREATE INDEX IF NOT EXISTS chain_log_block_idx ON chain_log (chain_id, block_number)`,
  `CREATE INDEX IF NOT EXISTS chain_log_seen_idx ON chain_log (chain_id, contract_address, block_number) WHERE status = 'seen'`,
  // The outbox: rows whose latest status consumers have not been told about yet.
  `CREATE INDEX IF NOT EXISTS chain_log_outbox_idx ON chain_log (chain_id, block_number, log_index)
    WHERE (status = 'confirmed' AND notified IS DISTINCT FROM 'confirmed') OR (status = 'removed' AND notified = 'confirmed')`,
  // Hashes of ingested blocks near the head (range ends and blocks with logs), for reorg walk-back.
  `CREATE TABLE IF NOT EXISTS chain_block (
    chain_id integer NOT NULL,
    block_number bigint NOT NULL,
    block_hash text NOT NULL,
    parent_hash text,
    CONSTRAINT chain_block_pkey PRIMARY KEY (chain_id, block_number)
  )`,
]

// The outbox became a per-contract watermark: confirmations are announced in (block, log index)
// order, so "told up to here" replaces a per-row mark that rewrote every row once more. Only
// orphaned logs consumers had been told of still carry a per-row mark (`notified`).
export const CHAIN_SYNC_SCHEMA_V2: string[] = [
  `ALTER TABLE chain_cursor ADD COLUMN IF NOT EXISTS announced_block bigint NOT NULL DEFAULT -1`,
  `ALTER TABLE chain_cursor ADD COLUMN IF NOT EXISTS announced_log_index integer NOT NULL DEFAULT -1`,
  `UPDATE chain_cursor c SET announced_block = t.block_number, announced_log_index = t.log_index
   FROM (SELECT DISTINCT ON (chain_id, contract_address) chain_id, contract_address, block_number, log_index
         FROM chain_log WHERE status = 'confirmed' AND notified = 'confirmed'
         ORDER BY chain_id, contract_address, block_number DESC, log_index DESC) t
   WHERE c.chain_id = t.chain_id AND c.contract_address = t.contract_address AND c.announced_block = -1`,
  `DROP INDEX IF EXISTS chain_log_outbox_idx`,
  `DROP INDEX IF EXISTS chain_log_block_idx`,
  `CREATE INDEX IF NOT EXISTS chain_log_contract_order_idx ON chain_log (chain_id, contract_address, block_number, log_index)`,
  `CREATE INDEX IF NOT EXISTS chain_log_removal_outbox_idx ON chain_log (chain_id, block_number, log_index)
    WHERE status = 'removed' AND notified = 'confirmed'`,
]

export const CHAIN_SYNC_SCHEMA_UP: string[] = [...CHAIN_SYNC_SCHEMA_V1, ...CHAIN_SYNC_SCHEMA_V2]

export const CHAIN_SYNC_SCHEMA_DOWN: string[] = [
  `DROP TABLE IF EXISTS chain_block`,
  `DROP TABLE IF EXISTS chain_log`,
  `DROP TABLE IF EXISTS chain_cursor`,
]

export interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>
}

export async function ensureSchema(db: Queryable): Promise<void> {
  for (const statement of CHAIN_SYNC_SCHEMA_UP) await db.query(statement)
}

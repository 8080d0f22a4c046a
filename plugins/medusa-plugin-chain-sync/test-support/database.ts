// This plugin's database for a test file: a uniquely named PostgreSQL database from the shared
// harness (DATABASE_URL's server, else 127.0.0.1:5432, else an embedded one) with the chain-sync
// tables and a pool on it, and the hardhat node most suites run against it.
import { Pool } from "pg"
import { startChain, type TestChain } from "@pva/test-support/chain"
import { createTestDatabase as createDatabase } from "@pva/test-support/database"
import { ensureSchema } from "../src/lib/schema"

export type TestDatabase = { name: string; url: string; pool: Pool; drop: () => Promise<void> }

/** Creates the database with the plugin's tables and a pool on it. */
export async function createTestDatabase(label: string, { schema = true } = {}): Promise<TestDatabase> {
  const db = await createDatabase(`chain_${label}`)
  const pool = new Pool({ connectionString: db.url, max: 5 })
  // Some suites end every connection to the database on purpose; an idle one of the test's is among them.
  pool.on("error", () => undefined)
  if (schema) await ensureSchema(pool)
  return {
    ...db,
    pool,
    drop: async () => {
      // pool.end() resolves before its sockets close, so DROP … WITH (FORCE) can still terminate one of them.
      await pool.end().catch(() => undefined)
      await db.drop()
    },
  }
}

/** A hardhat node and the plugin's database for one test file: started before its tests, stopped after them. */
export function useChainAndDatabase(label: string, options: { schema?: boolean } = {}) {
  const stack = {} as { chain: TestChain; db: TestDatabase }
  beforeAll(async () => {
    // Each is kept as soon as it is up, so afterAll stops the node even when the database failed.
    const started = await Promise.allSettled([
      startChain().then((chain) => (stack.chain = chain)),
      createTestDatabase(label, options).then((db) => (stack.db = db)),
    ])
    const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected")
    if (failed) throw failed.reason
  })
  afterAll(async () => {
    await Promise.all([stack.chain?.stop(), stack.db?.drop()])
  })
  return stack
}

/** What the store holds, comparable with the chain's logs. */
export async function storedLogs(pool: Pool, where = "TRUE") {
  const { rows } = await pool.query(
    `SELECT block_hash, log_index, block_number::int AS block_number, contract_address, event_name, args, status, notified
     FROM chain_log WHERE ${where} ORDER BY block_number, log_index`,
  )
  return rows as Array<{
    block_hash: string
    log_index: number
    block_number: number
    contract_address: string
    event_name: string
    args: Record<string, unknown>
    status: string
    notified: string | null
  }>
}

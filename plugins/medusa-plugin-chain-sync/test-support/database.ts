// A uniquely named PostgreSQL database per test file (same server as medusa-server's tests:
// PVA_TEST_PG_ADMIN_URL, else DATABASE_URL's server, else 127.0.0.1:5432 as postgres).
import { randomBytes } from "crypto"
import net from "net"
import { Client, Pool } from "pg"
import { ensureSchema } from "../src/lib/schema"

export function postgresAdminUrl(): string {
  if (process.env.PVA_TEST_PG_ADMIN_URL) return process.env.PVA_TEST_PG_ADMIN_URL
  if (process.env.DATABASE_URL) {
    const parsed = new URL(process.env.DATABASE_URL)
    parsed.pathname = "/postgres"
    return parsed.toString()
  }
  return "postgres://postgres@127.0.0.1:5432/postgres"
}

export type TestDatabase = { name: string; url: string; pool: Pool; drop: () => Promise<void> }

/** Creates the database with the plugin's tables and a pool on it. */
export async function createTestDatabase(label: string, { schema = true } = {}): Promise<TestDatabase> {
  const adminUrl = postgresAdminUrl()
  const name = `pva_test_chain_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`
  const admin = new Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE "${name}"`)
  } finally {
    await admin.end()
  }
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const pool = new Pool({ connectionString: url.toString(), max: 5 })
  if (schema) await ensureSchema(pool)
  return {
    name,
    url: url.toString(),
    pool,
    drop: async () => {
      await pool.end().catch(() => undefined)
      const client = new Client({ connectionString: adminUrl })
      await client.connect()
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
      } finally {
        await client.end()
      }
    },
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.once("error", reject)
  })
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

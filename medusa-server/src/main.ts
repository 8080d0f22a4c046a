/**
 * The server's entry point: `node dist/main.js [start|migrate|seed]`.
 * Without DATABASE_URL it brings up the embedded PostgreSQL first, so a bare
 * machine runs the whole store.
 */
import path from "path"
import { spawnSync } from "child_process"
import { ConfigError, readServerEnv } from "./config/env"
import { startEmbeddedPostgres } from "@pva/embedded-postgres"

process.env.MEDUSA_DISABLE_TELEMETRY = "true"
const serverRoot = path.resolve(__dirname, "..")

/** Returns how to stop the embedded database this process started, if it started one. */
async function ensureDatabase(): Promise<() => Promise<void>> {
  const env = readServerEnv()
  if (env.databaseUrl) return async () => undefined
  const db = await startEmbeddedPostgres({
    dataDir: env.embeddedPostgresDir || path.join(serverRoot, ".pgdata", "data"),
    port: env.embeddedPostgresPort,
    database: "medusa",
  })
  process.env.DATABASE_URL = db.url
  console.log(`embedded PostgreSQL ready on port ${env.embeddedPostgresPort}`)
  return async () => {
    // Stopping the database ends every connection still open in this process (a plugin's
    // background refresher, a pooled connection between queries) with "terminating connection
    // due to administrator command"; a client with no one listening would turn that expected
    // goodbye into a crash of a command that has already done its work.
    process.on("uncaughtException", (err: any) => {
      if (err?.code === ADMIN_SHUTDOWN) return
      console.error(err)
      process.exit(1)
    })
    await db.stop()
  }
}

/** PostgreSQL's SQLSTATE for a connection ended by a shutdown of the server. */
const ADMIN_SHUTDOWN = "57P01"

function runMigrations(): void {
  // Medusa's migrate command reads argv and exits the process, so it gets one of its own.
  const result = spawnSync(process.execPath, [__filename, "migrate-only"], {
    cwd: serverRoot,
    env: process.env,
    stdio: ["ignore", "ignore", "inherit"],
  })
  if (result.status !== 0) throw new Error(`migrations failed with exit code ${result.status}`)
}

/** `seed --products N`: N generated products on top of the curated catalog (benchmarks). */
function bulkProductsFlag(argv: string[]): number | undefined {
  const at = argv.indexOf("--products")
  if (at < 0) return undefined
  const count = Number(argv[at + 1])
  if (!Number.isInteger(count) || count < 1 || count > 1_000_000) {
    throw new ConfigError(`--products needs a whole number of products from 1 to 1000000, got "${argv[at + 1] ?? ""}"`)
  }
  return count
}

async function main(command: string): Promise<void> {
  readServerEnv() // fail fast on a bad environment, before anything starts

  if (command === "migrate-only") {
    process.argv = [process.argv[0], process.argv[1], "migrations", "run"]
    await require("@medusajs/medusa/dist/commands/migrate").default({ directory: serverRoot })
    return
  }

  if (!["start", "migrate", "seed"].includes(command)) {
    throw new ConfigError(`unknown command "${command}": use start, migrate or seed`)
  }
  const stopDatabase = await ensureDatabase()
  const exit = (code: number) => stopDatabase().finally(() => process.exit(code))

  if (command === "migrate") {
    runMigrations()
    return exit(0)
  }
  if (command === "seed") {
    runMigrations()
    const { runSeed } = require("./scripts/seed")
    await runSeed({
      directory: serverRoot,
      writeStorefrontEnv: process.argv.includes("--write-storefront-env"),
      bulkProducts: bulkProductsFlag(process.argv),
    })
    return exit(0)
  }
  if (process.env.MEDUSA_SKIP_MIGRATIONS !== "true") runMigrations()
  const { startServer } = require("./server")
  await startServer(serverRoot, () => exit(0))
}

main(process.argv[2] || "start").catch((err) => {
  if (err instanceof ConfigError || err?.name === "ConfigError") {
    console.error(`Configuration error: ${err.message}`)
  } else {
    console.error(err)
  }
  process.exit(1)
})

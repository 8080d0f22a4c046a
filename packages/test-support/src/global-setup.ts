import { createTestDatabase } from "./database"
import { migrateAndSeed, RELAXED_RATE_LIMITS, startServer } from "./server"

/** One seeded database and server for the store API suites; suites that need their own make them. */
export default async function globalSetup() {
  const db = await createTestDatabase("store")
  const seed = migrateAndSeed(db.url)
  const server = await startServer(db.url, RELAXED_RATE_LIMITS)
  process.env.PVA_TEST_SERVER_URL = server.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  ;(globalThis as any).__PVA_TEST__ = { db, server }
}

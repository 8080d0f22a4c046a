import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import path from "path"
import { createTestDatabase, freePort } from "../../medusa-server/test-support/database"
import { migrateAndSeed, startServer } from "../../medusa-server/test-support/server"

const ROOT = path.resolve(__dirname, "..")
const NEXT_BIN = require.resolve("next/dist/bin/next")
export const DIST_DIR = ".next-e2e"
const REVALIDATE_SECRET = "e2e-revalidate-secret"

/**
 * A real seeded Medusa server, and the shop built for it and served by `next start`:
 * the browser talks to both exactly as a shopper's would.
 */
export default async function globalSetup() {
  const shopPort = await freePort()
  const shopUrl = `http://127.0.0.1:${shopPort}`
  const medusaPort = await freePort()
  const medusaUrl = `http://127.0.0.1:${medusaPort}`
  const db = await createTestDatabase("storefront_e2e")
  const seed = migrateAndSeed(db.url, { MEDUSA_BACKEND_URL: medusaUrl })
  const medusa = await startServer(db.url, {
    STORE_CORS: shopUrl,
    STOREFRONT_REVALIDATE_URLS: `${shopUrl}/api/revalidate`,
    REVALIDATE_SECRET,
    RATE_LIMIT_LOGIN: "1000",
    RATE_LIMIT_CHECKOUT_PER_IP: "1000",
    // Every browser here is 127.0.0.1; per-client limits are tested with forwarded addresses.
    RATE_LIMIT_LOGIN_PER_CLIENT: "1000",
    RATE_LIMIT_ACCOUNT_PER_CLIENT: "1000",
    // Emailed links point at this shop; the shop's server speaks for the browser.
    STOREFRONT_COM_URL: shopUrl,
    TRUST_PROXY: "loopback",
  }, medusaPort)

  const env = {
    ...process.env,
    // As in production (jest sets "test"): Secure cookies, production React.
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: medusa.url,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: seed.publishableKeys.com,
    REVALIDATE_SECRET,
  }
  fs.rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`)

  const logFile = path.join(ROOT, "test-artifacts", "next-server.log")
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.openSync(logFile, "w")
  const shop: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(shopPort), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", log, log] })
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      if ((await fetch(`${shopUrl}/api/revalidate`, { method: "POST" })).status === 401) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not come up:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }

  process.env.PVA_TEST_SERVER_URL = medusa.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_SHOP_URL = shopUrl
  ;(globalThis as any).__pvaE2E = { db, medusa, shop }
}

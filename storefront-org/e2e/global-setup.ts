import { ChildProcess, spawn, spawnSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import { createTestDatabase, freePort } from "../../medusa-server/test-support/database"
import { migrateAndSeed, startServer } from "../../medusa-server/test-support/server"

const ROOT = path.resolve(__dirname, "..")
const NEXT_BIN = require.resolve("next/dist/bin/next")
export const DIST_DIR = ".next-e2e"
const contractsDir = path.dirname(require.resolve("@pva/contracts/package.json"))
const { startHardhatNode } = require(path.join(contractsDir, "scripts", "lib", "hardhat-node.js"))
const { deploy } = require(path.join(contractsDir, "scripts", "deploy.js"))

/**
 * Everything real: a Hardhat node with the contracts deployed by their deploy script, a seeded
 * Medusa server following that chain (chain sync, no confirmations), and this site built for
 * them and served by `next start`. The browser wallet is injected per page (support.ts).
 */
export default async function globalSetup() {
  const orgPort = await freePort()
  const orgUrl = `http://127.0.0.1:${orgPort}`
  const medusaPort = await freePort()
  const medusaUrl = `http://127.0.0.1:${medusaPort}`
  const node = await startHardhatNode({ logFile: path.join(os.tmpdir(), `pva-org-e2e-chain-${process.pid}.log`) })
  const deploymentsDir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-org-e2e-deployments-"))
  await deploy({ rpcUrl: node.url, outDir: deploymentsDir, log: () => undefined })
  const chainEnv = { CHAIN_RPC_URL: node.url, CHAIN_RPC_URLS: node.url, CHAIN_ID: "31337", CHAIN_DEPLOYMENTS_DIR: deploymentsDir }
  const db = await createTestDatabase("storefront_org_e2e")
  const seed = migrateAndSeed(db.url, { ...chainEnv, MEDUSA_BACKEND_URL: medusaUrl })
  const medusa = await startServer(
    db.url,
    {
      ...chainEnv,
      STORE_CORS: orgUrl,
      CHAIN_SYNC_FOLLOW: "true",
      CHAIN_CONFIRMATIONS: "0",
      CHAIN_SYNC_POLL_INTERVAL_MS: "100",
      // Claim emails link here, and SIWE messages signed for this host are accepted.
      STOREFRONT_ORG_URL: orgUrl,
      // This site, and the host the fractional plugin's test helpers sign their SIWE messages for.
      SIWE_DOMAINS: `127.0.0.1:${orgPort},localhost:8001`,
      TWIN_CLAIM_ATTEMPTS: "100",
      RATE_LIMIT_LOGIN: "1000",
      RATE_LIMIT_LOGIN_PER_CLIENT: "1000",
      RATE_LIMIT_ACCOUNT_PER_CLIENT: "1000",
      RATE_LIMIT_CHECKOUT_PER_IP: "1000",
      TRUST_PROXY: "loopback",
    },
    medusaPort
  )

  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: DIST_DIR,
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: medusa.url,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: seed.publishableKeys.org,
    NEXT_PUBLIC_CHAIN_ID: "31337",
    NEXT_PUBLIC_CHAIN_RPC_URL: node.url,
  }
  fs.rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
  const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.slice(-3000)}\n${build.stderr.slice(-3000)}`)

  const logFile = path.join(ROOT, "test-artifacts", "next-server.log")
  fs.mkdirSync(path.dirname(logFile), { recursive: true })
  const log = fs.openSync(logFile, "w")
  const site: ChildProcess = spawn(process.execPath, [NEXT_BIN, "start", "-p", String(orgPort), "-H", "127.0.0.1"], { cwd: ROOT, env, stdio: ["ignore", log, log] })
  const deadline = Date.now() + 60_000
  for (;;) {
    try {
      if ((await fetch(`${orgUrl}/account`)).status === 200) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`next start did not come up:\n${fs.readFileSync(logFile, "utf8").slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 250))
  }

  process.env.PVA_TEST_SERVER_URL = medusa.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_ORG_URL = orgUrl
  process.env.PVA_TEST_CHAIN_URL = node.url
  process.env.PVA_TEST_DEPLOYMENTS_DIR = deploymentsDir
  ;(globalThis as any).__pvaOrgE2E = { db, medusa, site, node }
}

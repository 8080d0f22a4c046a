import fs from "fs"
import os from "os"
import path from "path"
import { createTestDatabase, freePort } from "@pva/test-support/database"
import { migrateAndSeed, startServer } from "@pva/test-support/server"
import { startShop } from "../../storefront-com/e2e/shop-site"

const { buildNextSite, serveNextSite } = require("@pva/test-support/next-site")

const ROOT = path.resolve(__dirname, "..")
const DIST_DIR = ".next-e2e"
const contractsDir = path.dirname(require.resolve("@pva/contracts/package.json"))
const { startHardhatNode } = require(path.join(contractsDir, "scripts", "lib", "hardhat-node.js"))
const { deploy } = require(path.join(contractsDir, "scripts", "deploy.js"))

/**
 * Everything real: a Hardhat node with the contracts deployed by their deploy script, a seeded
 * Medusa server following that chain (chain sync, no confirmations), this site built for them
 * and served as `npm start` serves it, and pvabazaar.com beside it (where flow 2's pendant is bought).
 * The browser wallet is injected per page (support.ts).
 */
export default async function globalSetup() {
  const orgPort = await freePort()
  const orgUrl = `http://127.0.0.1:${orgPort}`
  const shopPort = await freePort()
  const shopUrl = `http://127.0.0.1:${shopPort}`
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
      STORE_CORS: `${orgUrl},${shopUrl}`,
      CHAIN_SYNC_FOLLOW: "true",
      CHAIN_CONFIRMATIONS: "0",
      CHAIN_SYNC_POLL_INTERVAL_MS: "100",
      // Claim emails link here, and SIWE messages signed for this host are accepted.
      STOREFRONT_ORG_URL: orgUrl,
      STOREFRONT_COM_URL: shopUrl,
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
    NEXT_PUBLIC_MEDUSA_BACKEND_URL: medusa.url,
    NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: seed.publishableKeys.org,
    // as production names its own host: canonical URLs and the sitemap use it, whatever host was asked
    NEXT_PUBLIC_SITE_URL: "https://pvabazaar-org.test",
    NEXT_PUBLIC_CHAIN_ID: "31337",
    NEXT_PUBLIC_CHAIN_RPC_URL: node.url,
  }
  // The chain's RPC URL is inlined into the wallet code, so this site is built for each run.
  buildNextSite({ siteDir: ROOT, distDir: DIST_DIR, env })
  const site = await serveNextSite({ siteDir: ROOT, distDir: DIST_DIR, env, port: orgPort, logFile: path.join(ROOT, "test-artifacts", "next-server.log"), readyPath: "/account" })
  const shop = await startShop({ port: shopPort, medusaUrl: medusa.url, publishableKey: seed.publishableKeys.com, logFile: path.join(ROOT, "test-artifacts", "shop-server.log") })

  process.env.PVA_TEST_SERVER_URL = medusa.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_ORG_URL = orgUrl
  process.env.PVA_SHOP_URL = shopUrl
  process.env.PVA_TEST_CHAIN_URL = node.url
  process.env.PVA_TEST_DEPLOYMENTS_DIR = deploymentsDir
  // stopped by @pva/test-support/global-teardown
  ;(globalThis as any).__PVA_TEST__ = { storefront: { stop: async () => (site.stop(), shop.stop()) }, server: medusa, chain: node, db }
}

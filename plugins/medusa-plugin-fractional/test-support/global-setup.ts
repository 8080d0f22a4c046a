// One stack for the plugin's suites: a real hardhat node with the contracts deployed by the
// deploy script, a fresh database seeded with the chain reachable (so the seed's offerings
// and holdings exist on both sides), and the PVA server following the chain (chain sync,
// zero confirmations, fast polling).
import fs from "fs"
import os from "os"
import path from "path"
import { createTestDatabase } from "../../../medusa-server/test-support/database"
import { migrateAndSeed, RELAXED_RATE_LIMITS, startServer } from "../../../medusa-server/test-support/server"

const contractsDir = path.dirname(require.resolve("@pva/contracts/package.json"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { startHardhatNode } = require(path.join(contractsDir, "scripts", "lib", "hardhat-node.js"))
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { deploy } = require(path.join(contractsDir, "scripts", "deploy.js"))

export default async function globalSetup() {
  const node = await startHardhatNode({ logFile: path.join(os.tmpdir(), `pva-fractional-chain-${process.pid}.log`) })
  const deploymentsDir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-fractional-deployments-"))
  await deploy({ rpcUrl: node.url, outDir: deploymentsDir, log: () => undefined })
  const chainEnv = { CHAIN_RPC_URL: node.url, CHAIN_RPC_URLS: node.url, CHAIN_ID: "31337", CHAIN_DEPLOYMENTS_DIR: deploymentsDir }
  const db = await createTestDatabase("fractional")
  const seed = migrateAndSeed(db.url, chainEnv)
  const server = await startServer(db.url, {
    ...chainEnv,
    CHAIN_SYNC_FOLLOW: "true",
    CHAIN_CONFIRMATIONS: "0",
    CHAIN_SYNC_POLL_INTERVAL_MS: "100",
    ...RELAXED_RATE_LIMITS,
    RATE_LIMIT_CHECKOUT_PER_CART: "100",
    // The bench completes 2 × BENCH_CHECKOUTS carts from this one address within a minute or two.
    RATE_LIMIT_CHECKOUT_PER_IP: "100000",
  })
  process.env.PVA_TEST_SERVER_URL = server.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_TEST_CHAIN_URL = node.url
  process.env.PVA_TEST_DEPLOYMENTS_DIR = deploymentsDir
  ;(globalThis as any).__PVA_FRACTIONAL_TEST__ = { db, server, node }
}

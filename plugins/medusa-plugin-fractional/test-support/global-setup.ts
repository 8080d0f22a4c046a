// One stack for the plugin's suites: a real hardhat node with the contracts deployed by the
// deploy script, a fresh database seeded with the chain reachable (so the seed's offerings
// and holdings exist on both sides), and the PVA server following the chain (chain sync,
// zero confirmations, fast polling). The server reaches the chain through an RPC proxy a test
// can tell to drop requests (PVA_TEST_RPC_PROXY_URL). @pva/test-support/global-teardown stops it.
import { FOLLOW_AT_ONCE, startDeployedChain } from "@pva/test-support/chain"
import { createTestDatabase } from "@pva/test-support/database"
import { startRpcProxy } from "@pva/test-support/rpc-proxy"
import { migrateAndSeed, RELAXED_RATE_LIMITS, startServer } from "@pva/test-support/server"

export default async function globalSetup() {
  const chain = await startDeployedChain("fractional")
  const db = await createTestDatabase("fractional")
  const seed = migrateAndSeed(db.url, chain.env)
  const proxy = await startRpcProxy(chain.url)
  const server = await startServer(db.url, {
    ...chain.env,
    CHAIN_RPC_URL: proxy.url,
    CHAIN_RPC_URLS: proxy.url,
    ...FOLLOW_AT_ONCE,
    ...RELAXED_RATE_LIMITS,
    RATE_LIMIT_CHECKOUT_PER_CART: "100",
    // The bench completes 2 × BENCH_CHECKOUTS carts from this one address within a minute or two.
    RATE_LIMIT_CHECKOUT_PER_IP: "100000",
  })
  process.env.PVA_TEST_SERVER_URL = server.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_TEST_CHAIN_URL = chain.url
  process.env.PVA_TEST_RPC_PROXY_URL = proxy.url
  process.env.PVA_TEST_DEPLOYMENTS_DIR = chain.deploymentsDir
  ;(globalThis as any).__PVA_TEST__ = { db, server, chain: { stop: () => proxy.close().then(() => chain.stop()) } }
}

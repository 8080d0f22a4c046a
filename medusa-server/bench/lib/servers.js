// The two servers the benchmark compares, each a child process on a free loopback port with its
// log in the temp directory: the PVA server through the test harness (@pva/test-support/server),
// with the bench's own settings, and stock Medusa 1.20.
require("@pva/test-support/register")
const path = require("path")
const { freePort } = require("@pva/test-support/database")
const { migrateAndSeed: seedServer, serverEnv, startProcess, startServer } = require("@pva/test-support/server")

const STOCK_DIR = path.resolve(__dirname, "..", "stock-medusa")
const BIG = "1000000" // rate limits far above anything the bench sends

// Both servers get the same services: no Stripe, no Meilisearch, whatever the shell has.
const SAME_SERVICES = { STRIPE_API_KEY: "", MEILISEARCH_HOST: "" }

/** Migrates and seeds with the project's own seed; returns its publishable keys and sales channels. */
function migrateAndSeed(databaseUrl, extra = {}, args = []) {
  return seedServer(databaseUrl, { ...SAME_SERVICES, ...extra }, args)
}

/** The PVA server exactly as `npm start` runs it (migrations already applied by the seed). */
async function startPvaServer(databaseUrl, { port, extra = {} } = {}) {
  return startServer(
    databaseUrl,
    {
      ...SAME_SERVICES,
      ...extra,
      MEDUSA_SKIP_MIGRATIONS: "true",
      RATE_LIMIT_LOGIN: BIG,
      RATE_LIMIT_CHECKOUT_PER_CART: BIG,
      RATE_LIMIT_CHECKOUT_PER_IP: BIG,
      RATE_LIMIT_LOGIN_PER_CLIENT: BIG,
      RATE_LIMIT_ACCOUNT_PER_CLIENT: BIG,
      RATE_LIMIT_ORDER_LOOKUP_PER_CLIENT: BIG,
      RATE_LIMIT_CATALOG_PER_CLIENT: BIG,
    },
    port
  )
}

/** Stock Medusa 1.20 on the same database; cwd is its directory because Medusa resolves plugins from cwd. */
async function startStockServer(databaseUrl) {
  const port = await freePort()
  const env = serverEnv(databaseUrl, { ...SAME_SERVICES, PORT: String(port) })
  return startProcess("stock", { args: [path.join(STOCK_DIR, "start.js")], cwd: STOCK_DIR, env, port })
}

module.exports = { freePort, migrateAndSeed, startPvaServer, startStockServer }

// Starts the two servers the benchmark compares, each a child process on a free
// loopback port with its log in the temp directory.
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const net = require("net")
const os = require("os")
const path = require("path")

const SERVER_ROOT = path.resolve(__dirname, "..", "..")
const MAIN = path.join(SERVER_ROOT, "dist", "main.js")
const STOCK_DIR = path.resolve(__dirname, "..", "stock-medusa")
const BIG = "1000000" // rate limits far above anything the bench sends

function baseEnv(databaseUrl, extra = {}) {
  return {
    ...process.env,
    NODE_ENV: "development",
    DATABASE_URL: databaseUrl,
    REDIS_URL: "",
    MEDUSA_ADMIN_SERVE: "false",
    MEDUSA_DISABLE_TELEMETRY: "true",
    LOG_LEVEL: "error",
    // Both servers get the same services: no Stripe, no Meilisearch, whatever the shell has.
    STRIPE_API_KEY: "",
    MEILISEARCH_HOST: "",
    ...extra,
  }
}

/** Migrates and seeds with the project's own seed; returns its publishable keys and sales channels. */
function migrateAndSeed(databaseUrl, extra = {}) {
  const result = spawnSync(process.execPath, [MAIN, "seed"], {
    cwd: SERVER_ROOT,
    env: baseEnv(databaseUrl, extra),
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  })
  if (result.status !== 0) {
    throw new Error(`seed failed (${result.status}):\n${String(result.stderr).slice(-4000)}`)
  }
  const line = result.stdout.split("\n").find((l) => l.startsWith('{"seeded":true'))
  if (!line) throw new Error(`seed printed no result:\n${result.stdout.slice(-2000)}`)
  return JSON.parse(line)
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
    server.once("error", reject)
  })
}

async function launch(name, { args, cwd, env, readyPath = "/health" }, port) {
  const logFile = path.join(os.tmpdir(), `pva-bench-${name}-${port}.log`)
  const log = fs.openSync(logFile, "w")
  const child = spawn(process.execPath, args, { cwd, env, stdio: ["ignore", log, log] })
  fs.closeSync(log)
  const url = `http://127.0.0.1:${port}`
  let exited = null
  child.once("exit", (code) => (exited = code ?? -1))

  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const killer = setTimeout(() => child.kill("SIGKILL"), 10_000)
      child.once("exit", () => {
        clearTimeout(killer)
        resolve()
      })
      child.kill("SIGTERM")
    })

  // A loaded shared VM (load average 20+ on 2 cores) can take over 2 minutes to boot the server.
  const deadline = Date.now() + 300_000
  for (;;) {
    if (exited !== null) {
      throw new Error(`${name} server exited with ${exited} before it was ready:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    }
    try {
      const res = await fetch(`${url}${readyPath}`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`${name} server was not ready within 300 s:\n${fs.readFileSync(logFile, "utf8").slice(-4000)}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { name, url, pid: child.pid, logFile, stop, removeLog: () => fs.rmSync(logFile, { force: true }) }
}

/** The PVA server exactly as `npm start` runs it (migrations already applied by the seed). */
async function startPvaServer(databaseUrl, { port, extra = {} } = {}) {
  port ??= await freePort()
  const env = baseEnv(databaseUrl, {
    ...extra,
    PORT: String(port),
    MEDUSA_BACKEND_URL: `http://127.0.0.1:${port}`,
    MEDUSA_SKIP_MIGRATIONS: "true",
    RATE_LIMIT_LOGIN: BIG,
    RATE_LIMIT_CHECKOUT_PER_CART: BIG,
    RATE_LIMIT_CHECKOUT_PER_IP: BIG,
    RATE_LIMIT_LOGIN_PER_CLIENT: BIG,
    RATE_LIMIT_ACCOUNT_PER_CLIENT: BIG,
    RATE_LIMIT_ORDER_LOOKUP_PER_CLIENT: BIG,
  })
  return launch("pva", { args: [MAIN, "start"], cwd: SERVER_ROOT, env }, port)
}

/** Stock Medusa 1.20 on the same database; cwd is its directory because Medusa resolves plugins from cwd. */
async function startStockServer(databaseUrl) {
  const port = await freePort()
  const env = baseEnv(databaseUrl, { PORT: String(port) })
  return launch("stock", { args: [path.join(STOCK_DIR, "start.js")], cwd: STOCK_DIR, env }, port)
}

module.exports = { freePort, launch, migrateAndSeed, startPvaServer, startStockServer }

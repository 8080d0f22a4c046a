#!/usr/bin/env node
/**
 * `npm run dev`: the whole stack on one machine. Embedded PostgreSQL unless
 * DATABASE_URL is set, the local event bus unless REDIS_URL is set, a local
 * Hardhat chain with the contracts deployed unless CHAIN_RPC_URL is set, then
 * the Medusa server (store API + admin at /app) and any storefront that has a dev script.
 */
const { spawn, spawnSync } = require("child_process")
const fs = require("fs")
const net = require("net")
const path = require("path")

const root = path.resolve(__dirname, "..")
const serverDir = path.join(root, "medusa-server")
const children = []
let stopDatabase = async () => undefined

function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts })
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed with ${result.status}`)
}

function start(name, cmd, args, opts = {}) {
  // Its own process group, so stopping it also stops what npm started beneath it.
  const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], detached: true, ...opts })
  const prefix = (line) => `[${name}] ${line}`
  for (const stream of [child.stdout, child.stderr]) {
    let buffer = ""
    stream.on("data", (chunk) => {
      buffer += chunk
      const lines = buffer.split("\n")
      buffer = lines.pop()
      for (const line of lines) console.log(prefix(line))
    })
  }
  child.on("exit", (code) => {
    console.log(prefix(`exited with ${code}`))
    if (!shuttingDown) shutdown(code || 1)
  })
  children.push(child)
  return child
}

function waitForPort(port, host = "127.0.0.1", timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect({ port, host })
      socket.once("connect", () => {
        socket.destroy()
        resolve()
      })
      socket.once("error", () => {
        socket.destroy()
        if (Date.now() > deadline) reject(new Error(`nothing listening on ${host}:${port}`))
        else setTimeout(attempt, 500)
      })
    }
    attempt()
  })
}

/** The chain script deploys after its node listens: wait for this run's deployment file. */
async function waitForDeployment(since, timeoutMs = 120_000) {
  const file = path.join(root, "contracts", "deployments", "31337.json")
  const deadline = Date.now() + timeoutMs
  while (!(fs.existsSync(file) && fs.statSync(file).mtimeMs >= since)) {
    if (Date.now() > deadline) throw new Error(`the local chain wrote no deployment (${file})`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

function hasScript(workspaceDir, script) {
  const pkg = path.join(root, workspaceDir, "package.json")
  return fs.existsSync(pkg) && Boolean(JSON.parse(fs.readFileSync(pkg, "utf8")).scripts?.[script])
}

let shuttingDown = false
async function shutdown(code = 0) {
  shuttingDown = true
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM")
    } catch {
      // already gone
    }
  }
  // The database goes last, once the server has let go of it (at most 10 s).
  await Promise.race([
    Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? null : new Promise((r) => child.once("exit", r))))),
    new Promise((r) => setTimeout(r, 10_000)),
  ])
  await stopDatabase().catch(() => undefined)
  process.exit(code)
}
process.on("SIGINT", () => shutdown(0))
process.on("SIGTERM", () => shutdown(0))

async function main() {
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NEXT_TELEMETRY_DISABLED: "1" }
  // The shop drops its catalog cache when the server reports a product change.
  env.REVALIDATE_SECRET ||= "pva-dev-revalidate-secret"
  if (hasScript("storefront-com", "dev")) env.STOREFRONT_REVALIDATE_URLS ||= "http://localhost:8000/api/revalidate"
  // The storefronts' servers call Medusa from this machine on behalf of browsers and name them in X-Forwarded-For.
  env.TRUST_PROXY ||= "loopback"

  console.log("building the server and the admin…")
  run("npm", ["run", "build", "-w", "@pva/medusa-server"])
  run("npm", ["run", "build:admin-if-missing", "-w", "@pva/medusa-server"])

  if (!env.DATABASE_URL) {
    const { startEmbeddedPostgres } = require(path.join(serverDir, "dist/db/embedded-postgres"))
    const port = Number(env.EMBEDDED_POSTGRES_PORT || 54329)
    const db = await startEmbeddedPostgres({
      dataDir: env.EMBEDDED_POSTGRES_DIR || path.join(serverDir, ".pgdata", "data"),
      port,
      database: "medusa",
    })
    stopDatabase = db.stop
    env.DATABASE_URL = db.url
    console.log(`embedded PostgreSQL on port ${port} (data in medusa-server/.pgdata)`)
  }

  let localChain = false
  if (!env.CHAIN_RPC_URL && hasScript("contracts", "chain")) {
    const chainStartedAt = Date.now()
    start("chain", "npm", ["run", "chain", "-w", "@pva/contracts"], { env })
    await waitForPort(Number(env.CHAIN_PORT || 8545))
    env.CHAIN_RPC_URL = `http://127.0.0.1:${env.CHAIN_PORT || 8545}`
    await waitForDeployment(chainStartedAt)
    localChain = true
    // The local chain mines only on transactions: confirm at depth 0, and follow it by default
    // so a claim completes on a bare machine.
    env.CHAIN_SYNC_FOLLOW ||= "true"
    env.CHAIN_CONFIRMATIONS ||= "0"
  }
  // The store follows the chain (share mints settle, transfers show up); the seed below brings a
  // fresh local chain back in line with what the store already holds.
  env.CHAIN_SYNC_FOLLOW ||= "true"

  run("node", ["dist/main.js", "seed", "--write-storefront-env"], { cwd: serverDir, env })
  // Something on the market for a newcomer: a fixed-price twin, a live English auction and a
  // Dutch auction (the seed skips a market that already has listings).
  if (localChain) run("node", [path.join(root, "contracts/scripts/seed-market.js"), "--if-empty"], { env })
  // The chain is new at every start while the database persists: bring them back into agreement.
  if (localChain) run("node", [path.join(root, "plugins/medusa-plugin-digital-twin/dist/cli/dev-chain-reconcile.js")], { env })
  start("medusa", "node", ["dist/main.js", "start"], { cwd: serverDir, env: { ...env, MEDUSA_SKIP_MIGRATIONS: "true" } })
  await waitForPort(Number(env.PORT || 9000))

  // The collectors' site's wallets talk to the same chain as the server.
  env.NEXT_PUBLIC_CHAIN_RPC_URL ||= env.CHAIN_RPC_URL
  env.NEXT_PUBLIC_CHAIN_ID ||= env.CHAIN_ID || "31337"
  for (const [dir, port] of [["storefront-com", 8000], ["storefront-org", 8001]]) {
    if (hasScript(dir, "dev")) start(dir, "npm", ["run", "dev", "-w", `@pva/${dir}`], { env: { ...env, PORT: String(port) } })
  }

  console.log(`
PVA Bazaar is running:
  store API     http://localhost:${env.PORT || 9000}/store
  Medusa Admin  http://localhost:${env.PORT || 9000}/app   (admin@pvabazaar.local / pva-admin-dev)
  shop          http://localhost:8000
  collectors    http://localhost:8001   (provenance, twin claims, shares)
  dev customer  shopper@pvabazaar.local / pva-shopper-dev
Press Ctrl+C to stop.`)
}

main().catch(async (err) => {
  console.error(err.message || err)
  await shutdown(1)
})

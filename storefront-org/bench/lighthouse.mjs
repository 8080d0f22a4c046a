// Lighthouse on the production build of pvabazaar.org: home, an artifact page and an offering
// page, served by `next start` against a freshly seeded PVA Medusa server on a local Hardhat
// chain (the seed opens its offerings there), audited in Debian's Chromium.
//
//   npm run bench -w @pva/storefront-org
//   BENCH_RUNS=3 npm run bench -w @pva/storefront-org   (median of more runs per page)
import { spawnSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { createRequire } from "node:module"
import * as chromeLauncher from "chrome-launcher"
import { auditPages, printTable } from "../../scripts/lib/storefront-lighthouse.mjs"

const require = createRequire(import.meta.url)
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..")
const serverBench = path.join(ROOT, "..", "medusa-server", "bench", "lib")
const { createBenchDatabase } = require(`${serverBench}/database`)
const { freePort, launch, migrateAndSeed, startPvaServer } = require(`${serverBench}/servers`)
const { log, positive } = require(`${serverBench}/settings`)
const { CHROMIUM_ARGS, ensureChromium } = require(path.join(ROOT, "..", "scripts", "lib", "chromium.js"))
const contractsDir = path.dirname(require.resolve("@pva/contracts/package.json"))
const { startHardhatNode } = require(path.join(contractsDir, "scripts", "lib", "hardhat-node.js"))
const { deploy } = require(path.join(contractsDir, "scripts", "deploy.js"))

const RUNS = positive("BENCH_RUNS", 1)
// The wallet-free pages the issue sets goals for.
const GOALS = { performance: 95, accessibility: 95, lcpMs: 1500, cls: 0.05, firstLoadKb: 170 }
const DIST_DIR = ".next-bench"
const NEXT_BIN = require.resolve("next/dist/bin/next")

async function main() {
  const db = await createBenchDatabase()
  const node = await startHardhatNode({ logFile: path.join(os.tmpdir(), `pva-org-bench-chain-${process.pid}.log`) })
  let medusa, site, chrome
  try {
    const deploymentsDir = fs.mkdtempSync(path.join(os.tmpdir(), "pva-org-bench-deployments-"))
    await deploy({ rpcUrl: node.url, outDir: deploymentsDir, log: () => undefined })
    const chainEnv = { CHAIN_RPC_URL: node.url, CHAIN_RPC_URLS: node.url, CHAIN_ID: "31337", CHAIN_DEPLOYMENTS_DIR: deploymentsDir }
    const medusaPort = await freePort()
    const sitePort = await freePort()
    const medusaUrl = `http://127.0.0.1:${medusaPort}`
    const siteUrl = `http://127.0.0.1:${sitePort}`
    log(`seeding ${db.name}`)
    const seed = migrateAndSeed(db.url, { ...chainEnv, MEDUSA_BACKEND_URL: medusaUrl })
    medusa = await startPvaServer(db.url, { port: medusaPort, extra: { ...chainEnv, STORE_CORS: siteUrl, STOREFRONT_ORG_URL: siteUrl } })

    const headers = { "x-publishable-api-key": seed.publishableKeys.org }
    const { twins } = await (await fetch(`${medusaUrl}/store/twins?limit=1`, { headers })).json()
    const { offerings } = await (await fetch(`${medusaUrl}/store/offerings`, { headers })).json()
    if (!twins?.length || !offerings?.length) throw new Error("the seed made no twin or no offering to audit")

    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_PUBLIC_MEDUSA_BACKEND_URL: medusaUrl,
      NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: seed.publishableKeys.org,
      NEXT_PUBLIC_CHAIN_ID: "31337",
      NEXT_PUBLIC_CHAIN_RPC_URL: node.url,
    }
    log("building the site for production")
    fs.rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, encoding: "utf8" })
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.slice(-3000)}${build.stderr.slice(-3000)}`)
    site = await launch("site", { args: [NEXT_BIN, "start", "-p", String(sitePort), "-H", "127.0.0.1"], cwd: ROOT, env, readyPath: "/" }, sitePort)

    chrome = await chromeLauncher.launch({ chromePath: ensureChromium(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] })
    const pages = [
      ["home", "/"],
      ["artifact", `/artifacts/${twins[0].token_id}`],
      ["offering", `/offerings/${offerings[0].id}`],
    ]
    const rows = await auditPages({ chromePort: chrome.port, baseUrl: siteUrl, pages, runs: RUNS, log })
    printTable(rows, GOALS, RUNS)
  } finally {
    await chrome?.kill()
    await site?.stop()
    await medusa?.stop()
    await node.stop()
    await db.drop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

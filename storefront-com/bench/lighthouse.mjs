// Lighthouse on the production build of pvabazaar.com (issue 6): home, a category
// page and a product page, served by `next start` against a freshly seeded PVA
// Medusa server, audited in Debian's Chromium. Prints a table against the goals.
//
//   npm run bench -w @pva/storefront-com
//   BENCH_RUNS=3 npm run bench -w @pva/storefront-com   (median of more runs per page)
//   BENCH_PRODUCTS=10000 npm run bench -w @pva/storefront-com   (on a 10k-product catalog)
import { spawnSync } from "node:child_process"
import fs from "node:fs"
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

const RUNS = positive("BENCH_RUNS", 1)
const PAGES = [
  ["home", "/"],
  ["category", "/categories/emeralds"],
  ["product", "/products/amradjet-emerald-pendant"],
]
const GOALS = { performance: 95, accessibility: 95, lcpMs: 1500, cls: 0.05, firstLoadKb: 150 }
const DIST_DIR = ".next-bench"
const NEXT_BIN = require.resolve("next/dist/bin/next")

async function main() {
  const db = await createBenchDatabase()
  let medusa, shop, chrome
  try {
    const medusaPort = await freePort()
    const shopPort = await freePort()
    const medusaUrl = `http://127.0.0.1:${medusaPort}`
    const shopUrl = `http://127.0.0.1:${shopPort}`
    log(`seeding ${db.name}`)
    const seed = migrateAndSeed(db.url, { MEDUSA_BACKEND_URL: medusaUrl })
    if (process.env.BENCH_PRODUCTS) {
      log(`adding ${process.env.BENCH_PRODUCTS} generated products`)
      const main = path.join(ROOT, "..", "medusa-server", "dist", "main.js")
      const bulk = spawnSync(process.execPath, [main, "seed", "--products", process.env.BENCH_PRODUCTS], {
        cwd: path.dirname(path.dirname(main)),
        env: { ...process.env, DATABASE_URL: db.url, REDIS_URL: "", MEDUSA_ADMIN_SERVE: "false", LOG_LEVEL: "error", MEDUSA_BACKEND_URL: medusaUrl },
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      })
      if (bulk.status !== 0) throw new Error(`bulk seed failed:\n${String(bulk.stderr).slice(-3000)}`)
    }
    medusa = await startPvaServer(db.url, { port: medusaPort, extra: { STORE_CORS: shopUrl } })

    const env = {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NEXT_DIST_DIR: DIST_DIR,
      NEXT_PUBLIC_MEDUSA_BACKEND_URL: medusaUrl,
      NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: seed.publishableKeys.com,
    }
    log("building the shop for production")
    fs.rmSync(path.join(ROOT, DIST_DIR), { recursive: true, force: true })
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { cwd: ROOT, env, encoding: "utf8" })
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout.slice(-3000)}${build.stderr.slice(-3000)}`)
    shop = await launch("shop", { args: [NEXT_BIN, "start", "-p", String(shopPort), "-H", "127.0.0.1"], cwd: ROOT, env, readyPath: "/" }, shopPort)

    chrome = await chromeLauncher.launch({ chromePath: ensureChromium(), chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] })
    const rows = await auditPages({ chromePort: chrome.port, baseUrl: shopUrl, pages: PAGES, runs: RUNS, log })
    printTable(rows, GOALS, RUNS)
  } finally {
    await chrome?.kill()
    await shop?.stop()
    await medusa?.stop()
    await db.drop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

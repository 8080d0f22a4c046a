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
import zlib from "node:zlib"
import lighthouse from "lighthouse"
import * as chromeLauncher from "chrome-launcher"

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

/** JavaScript a first visit downloads, compressed: every script the HTML references. */
async function firstLoadJsKb(url) {
  const html = await (await fetch(url)).text()
  // noModule scripts are polyfills only browsers without ES modules download.
  const scripts = [...html.matchAll(/<script([^>]*)>/g)]
    .filter((m) => !/noModule/i.test(m[1]))
    .map((m) => m[1].match(/src="([^"]+)"/)?.[1])
    .filter(Boolean)
    .map((src) => new URL(src, url).toString())
  let bytes = 0
  for (const src of new Set(scripts)) bytes += zlib.gzipSync(Buffer.from(await (await fetch(src)).arrayBuffer())).length
  return bytes / 1024
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

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
    const rows = []
    for (const [name, route] of PAGES) {
      const url = `${shopUrl}${route}`
      await fetch(url) // fill the catalog cache, as any visitor before this one would have
      const runs = []
      const problems = new Set()
      for (let i = 0; i < RUNS; i++) {
        const { lhr } = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] })
        runs.push({
          performance: lhr.categories.performance.score * 100,
          accessibility: lhr.categories.accessibility.score * 100,
          lcpMs: lhr.audits["largest-contentful-paint"].numericValue,
          cls: lhr.audits["cumulative-layout-shift"].numericValue,
        })
        for (const ref of lhr.categories.accessibility.auditRefs) {
          if (ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1) problems.add(ref.id)
        }
        const lcpItem = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet
        if (lcpItem) problems.add(`LCP element ${lcpItem}`)
      }
      const row = { name, route, firstLoadKb: await firstLoadJsKb(url) }
      for (const key of ["performance", "accessibility", "lcpMs", "cls"]) row[key] = median(runs.map((r) => r[key]))
      rows.push(row)
      log(`${name}: ${JSON.stringify(row)}${problems.size ? `; to look at: ${[...problems].join(", ")}` : ""}`)
    }

    const mark = (ok) => (ok ? "✓" : "✗")
    console.log(`\n| page | performance | accessibility | LCP | CLS | first-load JS (gzip) |`)
    console.log("|---|---|---|---|---|---|")
    for (const r of rows) {
      console.log(
        `| ${r.name} \`${r.route}\` | ${Math.round(r.performance)} ${mark(r.performance >= GOALS.performance)} | ${Math.round(r.accessibility)} ${mark(r.accessibility >= GOALS.accessibility)} | ` +
          `${(r.lcpMs / 1000).toFixed(2)} s ${mark(r.lcpMs <= GOALS.lcpMs)} | ${r.cls.toFixed(3)} ${mark(r.cls <= GOALS.cls)} | ${r.firstLoadKb.toFixed(1)} KB ${mark(r.firstLoadKb <= GOALS.firstLoadKb)} |`
      )
    }
    console.log(`\nLighthouse ${RUNS} run(s) per page (median), default mobile profile with simulated throttling; goals: performance ≥ ${GOALS.performance}, accessibility ≥ ${GOALS.accessibility}, LCP ≤ 1.5 s, CLS ≤ ${GOALS.cls}, first-load JS ≤ ${GOALS.firstLoadKb} KB.`)
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

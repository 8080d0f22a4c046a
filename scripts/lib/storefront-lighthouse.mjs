// Lighthouse for a storefront's production build, shared by both shops' benches: audits each
// page in Debian's Chromium (mobile profile, simulated throttling), measures the JavaScript a
// first visit downloads, and prints the results against the goals.
import { createRequire } from "node:module"
import fs from "node:fs"
import path from "node:path"
import zlib from "node:zlib"
import * as chromeLauncher from "chrome-launcher"
import lighthouse from "lighthouse"
import { describe, diagnostics, lcpPhases } from "./lighthouse-diagnostics.mjs"

const require = createRequire(import.meta.url)
require("@pva/test-support/register")
const { CHROMIUM_ARGS, ensureChromium } = require("@pva/test-support/browser")
const { startStorefrontStack } = require("@pva/test-support/storefront")

/** JavaScript a first visit downloads, compressed: every script the HTML references. */
export async function firstLoadJsKb(url) {
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

/**
 * Median of `runs` Lighthouse runs per page; `log` hears where each page's LCP goes (its phases and
 * the top diagnostics) and about anything short of perfect accessibility.
 */
export async function auditPages({ chromePort, baseUrl, pages, runs, log }) {
  const rows = []
  for (const [name, route] of pages) {
    const url = `${baseUrl}${route}`
    await fetch(url) // fill the data cache, as any visitor before this one would have
    const results = []
    const problems = new Set()
    for (let i = 0; i < runs; i++) {
      const { lhr } = await lighthouse(url, {
        port: chromePort,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility"],
      })
      // BENCH_REPORTS=<dir> keeps every run's full report, to open in the Lighthouse viewer.
      if (process.env.BENCH_REPORTS) {
        fs.mkdirSync(process.env.BENCH_REPORTS, { recursive: true })
        fs.writeFileSync(path.join(process.env.BENCH_REPORTS, `${name}-${i + 1}.json`), JSON.stringify(lhr))
      }
      results.push({
        performance: lhr.categories.performance.score * 100,
        accessibility: lhr.categories.accessibility.score * 100,
        lcpMs: lhr.audits["largest-contentful-paint"].numericValue,
        cls: lhr.audits["cumulative-layout-shift"].numericValue,
        phases: lcpPhases(lhr),
        diagnostics: diagnostics(lhr),
      })
      for (const ref of lhr.categories.accessibility.auditRefs) {
        if (ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1) problems.add(ref.id)
      }
      const lcpItem = lhr.audits["largest-contentful-paint-element"]?.details?.items?.[0]?.items?.[0]?.node?.snippet
      if (lcpItem) problems.add(`LCP element ${lcpItem}`)
    }
    const row = { name, route, firstLoadKb: await firstLoadJsKb(url) }
    for (const key of ["performance", "accessibility", "lcpMs", "cls"]) row[key] = median(results.map((r) => r[key]))
    rows.push(row)
    log(describe(name, results))
    log(`${name}: ${JSON.stringify(row)}${problems.size ? `; to look at: ${[...problems].join(", ")}` : ""}`)
  }
  return rows
}

export function printTable(rows, goals, runs) {
  const mark = (ok) => (ok ? "✓" : "✗")
  console.log(`\n| page | performance | accessibility | LCP | CLS | first-load JS (gzip) |`)
  console.log("|---|---|---|---|---|---|")
  for (const r of rows) {
    console.log(
      `| ${r.name} \`${r.route}\` | ${Math.round(r.performance)} ${mark(r.performance >= goals.performance)} | ${Math.round(r.accessibility)} ${mark(r.accessibility >= goals.accessibility)} | ` +
        `${(r.lcpMs / 1000).toFixed(2)} s ${mark(r.lcpMs <= goals.lcpMs)} | ${r.cls.toFixed(3)} ${mark(r.cls <= goals.cls)} | ${r.firstLoadKb.toFixed(1)} KB ${mark(r.firstLoadKb <= goals.firstLoadKb)} |`,
    )
  }
  console.log(
    `\nLighthouse ${runs} run(s) per page (median), default mobile profile with simulated throttling; goals: performance ≥ ${goals.performance}, ` +
      `accessibility ≥ ${goals.accessibility}, LCP ≤ ${goals.lcpMs / 1000} s, CLS ≤ ${goals.cls}, first-load JS ≤ ${goals.firstLoadKb} KB.`,
  )
}

/**
 * The whole bench for one storefront: starts its stack (@pva/test-support/storefront, built into
 * .next-bench, with the server as `npm start` runs it), audits `pages(stack)` in Chromium `runs`
 * times each, prints the table against `goals`, and stops everything.
 */
export async function benchStorefront({
  root,
  label,
  channel,
  chain = false,
  serverEnv,
  seedArgs,
  pages,
  goals,
  runs,
  log,
}) {
  log(`starting ${label}: seeded server${chain ? ", chain" : ""}, production build`)
  const stack = await startStorefrontStack({
    root,
    label,
    channel,
    chain,
    distDir: ".next-bench",
    seedArgs,
    // Migrations ran with the seed; no Stripe or Meilisearch, whatever the shell has.
    serverEnv: (siteUrl) => ({
      MEDUSA_SKIP_MIGRATIONS: "true",
      STRIPE_API_KEY: "",
      MEILISEARCH_HOST: "",
      ...serverEnv?.(siteUrl),
    }),
  })
  let chrome
  try {
    // BENCH_PAGES=category,product audits only the pages named.
    const only = process.env.BENCH_PAGES?.split(",").filter(Boolean)
    const routes = (await pages(stack)).filter(([name]) => !only || only.includes(name))
    chrome = await chromeLauncher.launch({
      chromePath: ensureChromium(),
      chromeFlags: ["--headless=new", ...CHROMIUM_ARGS],
    })
    const rows = await auditPages({ chromePort: chrome.port, baseUrl: stack.siteUrl, pages: routes, runs, log })
    printTable(rows, goals, runs)
  } finally {
    await chrome?.kill()
    await stack.stop()
  }
}

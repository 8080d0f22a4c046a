// Catalog benchmark: GET /store/catalog on the PVA server against stock
// Medusa 1.20's GET /store/products with the same limit, same database, same run.
//
//   npm run bench -w @pva/medusa-plugin-catalog
//   BENCH_PRODUCTS=10000 BENCH_SECONDS=10 BENCH_CONCURRENCY=10 (the defaults)
//
// Query shapes, each rotating through several variants so no answer is a repeat:
//   search    q=<words, some misspelt>          vs  /store/products?q=<words>
//   filter    price range + in stock + by price vs  /store/products (Medusa has no such filters)
//   category  category=<handle>                 vs  /store/products?category_id[]=<id>
// Goals: p95 <= 50 ms for every shape and >= 5x the req/s of /store/products.
// The output is a report, not a test: it exits 0 whatever the numbers are.
const path = require("path")
const serverBench = path.resolve(__dirname, "..", "..", "..", "medusa-server", "bench", "lib")
const { migrateAndSeed, startPvaServer, startStockServer } = require(path.join(serverBench, "servers"))
const { createTestDatabase } = require("@pva/test-support/database")
const { cpuSeconds } = require(path.join(serverBench, "cpu"))
const { call, runLoad, summarize } = require(path.join(serverBench, "load"))
const { log, positive } = require(path.join(serverBench, "settings"))

const PRODUCTS = positive("BENCH_PRODUCTS", 10000)
const SECONDS = positive("BENCH_SECONDS", 10)
const WARMUP_SECONDS = positive("BENCH_WARMUP_SECONDS", 3)
const CONCURRENCY = positive("BENCH_CONCURRENCY", 10)
const LIMIT = 12
const SEARCHES = ["emrald pendant", "garnet ring", "copper bowl", "malachite", "opal earings", "carved jade", "tourmaline", "lapis brooch"]
const PRICE_RANGES = [[2000, 10000], [10000, 50000], [5000, 25000], [25000, 150000]]

const rotate = (list) => {
  let i = 0
  return () => list[i++ % list.length]
}

/** The three shapes, each a pair of request makers: the catalog's and stock Medusa's. */
async function shapes(pva, key) {
  const headers = { "x-publishable-api-key": key, "accept-encoding": "gzip", accept: "application/json" }
  const { json: regions } = await call(pva.url, { path: "/store/regions", headers })
  const us = regions.regions.find((r) => r.currency_code === "usd").id
  const { json: cats } = await call(pva.url, { path: "/store/product-categories?limit=100", headers })
  const leaves = cats.product_categories.filter((c) => !c.category_children?.length)
  const base = `limit=${LIMIT}&region_id=${us}`
  const get = (p) => () => ({ path: p(), headers })
  const search = rotate(SEARCHES.map(encodeURIComponent))
  const range = rotate(PRICE_RANGES)
  const category = rotate(leaves)
  return [
    {
      label: "search",
      pva: get(() => `/store/catalog?${base}&q=${search()}`),
      stock: get(() => `/store/products?${base}&q=${search()}`),
    },
    {
      label: "filter (price, in stock, by price)",
      pva: get(() => {
        const [min, max] = range()
        return `/store/catalog?${base}&price_min=${min}&price_max=${max}&in_stock=true&sort=price_asc`
      }),
      stock: get(() => `/store/products?${base}`),
    },
    {
      label: "category page",
      pva: get(() => `/store/catalog?${base}&category=${category().handle}`),
      stock: get(() => `/store/products?${base}&category_id[]=${category().id}`),
    },
  ]
}

/** Alternating slices (PVA stock stock PVA, ...) so a drift in machine load weighs on both alike. */
async function measure(shape, servers) {
  for (const s of servers) await runLoad({ baseUrl: s.server.url, concurrency: CONCURRENCY, seconds: WARMUP_SECONDS, next: shape[s.name] })
  const rounds = Math.max(1, Math.round(SECONDS / 5))
  const slice = SECONDS / (2 * rounds)
  const [a, b] = servers
  const order = Array.from({ length: rounds }, (_, i) => (i % 2 ? [b, a, a, b] : [a, b, b, a])).flat()
  const runs = { pva: [], stock: [] }
  for (const { name, server } of order) {
    const before = cpuSeconds(server.pid)
    const run = await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: slice, next: shape[name] })
    const after = cpuSeconds(server.pid)
    runs[name].push({ ...run, cpuSeconds: before === null || after === null ? null : after - before })
  }
  return { label: shape.label, pva: summarize(runs.pva), stock: summarize(runs.stock) }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a")

function report(rows) {
  const md = (cells) => `| ${cells.join(" | ")} |`
  console.log(`\nAt ${PRODUCTS} generated products (+ the curated seed), ${CONCURRENCY} connections, limit ${LIMIT}:\n`)
  console.log(md(["Query shape", "Server", "req/s", "p50 ms", "p95 ms", "CPU ms/req", "errors"]))
  console.log(md(["---", "---", "---:", "---:", "---:", "---:", "---:"]))
  for (const { label, pva, stock } of rows) {
    console.log(md([label, "GET /store/catalog", fmt(pva.rps), fmt(pva.p50), fmt(pva.p95), fmt(pva.cpuMsPerRequest), pva.errors]))
    console.log(md(["", "stock GET /store/products", fmt(stock.rps), fmt(stock.p50), fmt(stock.p95), fmt(stock.cpuMsPerRequest), stock.errors]))
    console.log(md(["", "**catalog/stock**", `**${fmt(pva.rps / stock.rps, 2)}×**`, `${fmt(pva.p50 / stock.p50, 2)}×`, `${fmt(pva.p95 / stock.p95, 2)}×`, "", ""]))
  }
  console.log("")
  for (const { label, pva, stock } of rows) {
    const goals = [pva.p95 <= 50 ? "p95 <= 50 ms: met" : `p95 <= 50 ms: MISSED (${fmt(pva.p95)} ms)`, pva.rps >= 5 * stock.rps ? ">= 5x req/s: met" : `>= 5x req/s: MISSED (${fmt(pva.rps / stock.rps, 2)}x)`]
    console.log(`${label}: ${goals.join("; ")}`)
    for (const [name, r] of [["catalog", pva], ["stock", stock]]) if (r.errors) console.log(`WARNING: ${label} on ${name}: ${r.errors} errors, first: ${r.firstError}`)
  }
}

const cleanup = []
async function runCleanup() {
  while (cleanup.length) await cleanup.shift()().catch((err) => console.error(`[bench] cleanup: ${err && err.message}`))
}

async function main() {
  let failed = false
  try {
    const db = await createTestDatabase("bench")
    cleanup.unshift(() => db.drop())
    log(`database ${db.name}: migrating and seeding ${PRODUCTS} products`)
    const { publishableKeys } = migrateAndSeed(db.url, {}, ["--products", String(PRODUCTS)])
    const pva = await startPvaServer(db.url)
    cleanup.unshift(() => pva.stop())
    const stock = await startStockServer(db.url)
    cleanup.unshift(() => stock.stop())
    const list = await shapes(pva, publishableKeys.com)
    const { json: sample } = await call(pva.url, list[0].pva())
    log(`search "${SEARCHES[0]}" finds ${sample.count} products, first "${sample.products[0]?.title}"`)
    const servers = [{ name: "pva", server: pva }, { name: "stock", server: stock }]
    const rows = []
    for (const shape of list) {
      log(`measuring ${shape.label}`)
      rows.push(await measure(shape, servers))
    }
    report(rows)
  } catch (err) {
    failed = true
    console.error(`[bench] failed: ${err && err.stack ? err.stack : err}`)
  } finally {
    await runCleanup()
  }
  process.exit(failed ? 1 : 0)
}

for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => runCleanup().finally(() => process.exit(130)))
main()

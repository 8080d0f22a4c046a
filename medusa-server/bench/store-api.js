// Store API benchmark: the PVA server against stock Medusa 1.20 on the
// same freshly seeded database, same run, same load, one server measured at a time.
//
//   npm run bench                  (from the repository root or medusa-server/)
//   BENCH_SECONDS=20 npm run bench (longer measurement per scenario and server)
//
// Scenarios, each at BENCH_CONCURRENCY (10) closed-loop connections:
//   products    GET /store/products?limit=12&region_id=<US>  (region prices)
//   add-to-cart POST /store/carts/:id/line-items             (one pendant into a fresh cart)
// The output is a report, not a test: it exits 0 whatever the numbers are.
const { migrateAndSeed, startPvaServer, startStockServer } = require("./lib/servers")
const { createTestDatabase } = require("@pva/test-support/database")
const { cpuSeconds } = require("./lib/cpu")
const { call, parseJson, runLoad, summarize } = require("./lib/load")
const { log, positive } = require("./lib/settings")

const SECONDS = positive("BENCH_SECONDS", 10)
const WARMUP_SECONDS = positive("BENCH_WARMUP_SECONDS", 3)
const CONCURRENCY = positive("BENCH_CONCURRENCY", 10)
const REWARM_SECONDS = 1
const PENDANT_HANDLE = "amradjet-emerald-pendant"



/** What every request of a shopper on pvabazaar.com carries. */
function storeHeaders(publishableKey) {
  return { "x-publishable-api-key": publishableKey, "accept-encoding": "gzip", accept: "application/json" }
}

/** Reads the ids the scenarios need, through the server under test, and checks it answers like Medusa. */
async function discover(server, publishableKey) {
  const headers = storeHeaders(publishableKey)
  const { json: regions } = await call(server.url, { path: "/store/regions", headers })
  const us = regions.regions.find((r) => r.currency_code === "usd")
  if (!us) throw new Error(`${server.name}: no USD region`)
  const productsPath = `/store/products?limit=12&region_id=${us.id}`
  const { json: page, bytes } = await call(server.url, { path: productsPath, headers })
  if (page.products.length !== 12) throw new Error(`${server.name}: expected 12 products, got ${page.products.length}`)
  if (typeof page.products[0].variants[0].calculated_price !== "number") {
    throw new Error(`${server.name}: products carry no region price`)
  }
  const { json: pendant } = await call(server.url, { path: `/store/products?handle=${PENDANT_HANDLE}`, headers })
  const variantId = pendant.products[0]?.variants[0]?.id
  if (!variantId) throw new Error(`${server.name}: no ${PENDANT_HANDLE} variant`)
  return { regionId: us.id, productsPath, productsBytes: bytes, variantId, headers }
}

/** Warms the server up on product listings; returns the measured request. */
async function prepareProducts(server, ctx) {
  const next = () => ({ path: ctx.productsPath, headers: ctx.headers })
  await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: WARMUP_SECONDS, next })
  return next
}

/** Creates carts (not measured) until `count` exist or `seconds` pass. */
async function createCarts(server, ctx, { count = Infinity, seconds }) {
  const carts = []
  let issued = 0
  const next = () =>
    issued++ < count ? { method: "POST", path: "/store/carts", body: { region_id: ctx.regionId }, headers: ctx.headers } : null
  const result = await runLoad({
    baseUrl: server.url,
    concurrency: CONCURRENCY,
    seconds,
    next,
    onOk: (res) => carts.push(parseJson(res).cart.id),
  })
  if (result.errors) throw new Error(`${server.name}: cart creation failed: ${result.firstError}`)
  return carts
}

/**
 * Each measured request adds one pendant to a cart nobody has touched since it was
 * created, so every request does the same work. The warm-up measures the add rate
 * on this server, and the pool of carts for the measured runs is sized from it.
 */
async function prepareAddToCart(server, ctx) {
  const addFrom = (pool) => () => {
    const cartId = pool.pop()
    if (!cartId) return null
    return { method: "POST", path: `/store/carts/${cartId}/line-items`, body: { variant_id: ctx.variantId, quantity: 1 }, headers: ctx.headers }
  }
  const check = await createCarts(server, ctx, { count: 1, seconds: 30 })
  const { json } = await call(server.url, addFrom(check)())
  if (json.cart.items.length !== 1 || json.cart.items[0].variant_id !== ctx.variantId) {
    throw new Error(`${server.name}: add-to-cart did not add the pendant`)
  }

  const warmPool = await createCarts(server, ctx, { seconds: WARMUP_SECONDS })
  const warm = await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: WARMUP_SECONDS, next: addFrom(warmPool) })
  // A warmed server adds faster than during its warm-up; running out would shorten the measurement.
  const needed = Math.ceil((warm.latencies.length / warm.seconds) * (SECONDS + REWARM_SECONDS) * 2.5) + 2 * CONCURRENCY
  return addFrom(await createCarts(server, ctx, { count: needed, seconds: 120 }))
}

/**
 * Both servers stay up, but only one is under load at a time. Each gets SECONDS in
 * slices of about 2.5 s, in the order PVA stock stock PVA, stock PVA PVA stock, ...
 * so that a drift in what else the machine is doing weighs on both alike, each
 * takes over from the other as often, and neither sits idle for more than two slices.
 */
async function measure(scenario, servers) {
  const nexts = {}
  for (const { name, server, ctx } of servers) {
    log(`${scenario.label}: warming up ${server.name}`)
    nexts[name] = await scenario.prepare(server, ctx)
  }
  // A server left idle for 10 s loses its pooled database connections (pg's idle
  // timeout), and the first server waited while the second one warmed up: a
  // short unmeasured run on each, in measuring order, puts them on equal terms.
  for (const { name, server } of servers) {
    await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: REWARM_SECONDS, next: nexts[name] })
  }
  const rounds = Math.max(1, Math.round(SECONDS / 5))
  const slice = SECONDS / (2 * rounds)
  const [a, b] = servers
  const order = Array.from({ length: rounds }, (_, i) => (i % 2 ? [b, a, a, b] : [a, b, b, a])).flat()
  log(`${scenario.label}: measuring, ${order.length} slices of ${fmt(slice)} s`)
  const runs = { pva: [], stock: [] }
  for (const { name, server } of order) {
    const cpuBefore = cpuSeconds(server.pid)
    const run = await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: slice, next: nexts[name] })
    const cpuAfter = cpuSeconds(server.pid)
    runs[name].push({ ...run, cpuSeconds: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore })
  }
  return { label: scenario.label, pva: summarize(runs.pva), stock: summarize(runs.stock) }
}

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a")
const ratio = (a, b) => (Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : "n/a")

function report(rows) {
  const table = [["Scenario", "Server", "req/s", "p50 ms", "p95 ms", "CPU ms/req", "requests", "errors"]]
  for (const { label, pva, stock } of rows) {
    for (const [name, r] of [["PVA", pva], ["stock", stock]]) {
      table.push([name === "PVA" ? label : "", name, fmt(r.rps), fmt(r.p50), fmt(r.p95), fmt(r.cpuMsPerRequest), r.requests, r.errors])
    }
    const ratios = ["rps", "p50", "p95", "cpuMsPerRequest"].map((k) => ratio(pva[k], stock[k]))
    table.push(["", "PVA/stock", ...ratios, "", ""])
  }
  const pad = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(36) : i === 1 ? c.padEnd(10) : String(c).padStart(10))).join(" ")
  console.log("\n" + table.map(pad).join("\n") + "\n")
  console.log("CPU ms/req: the server process's user+system CPU during its measured slices, per request.\n")

  console.log("Markdown:\n")
  const md = (cells) => `| ${cells.join(" | ")} |`
  console.log(md(table[0]))
  console.log(md(table[0].map((_, i) => (i < 2 ? "---" : "---:"))))
  for (const row of table.slice(1)) console.log(md(row.map((c, i) => (i === 1 && c === "PVA/stock" ? "**PVA/stock**" : c))))
  console.log("")

  for (const { label, pva, stock } of rows) {
    for (const [name, r] of [["PVA", pva], ["stock", stock]]) {
      if (r.errors) console.log(`WARNING: ${label} on ${name}: ${r.errors} failed requests, first: ${r.firstError}`)
      if (r.exhausted) console.log(`WARNING: ${label} on ${name}: ran out of carts after ${fmt(r.seconds)} s`)
    }
  }
}

// Undo steps, run first to last: stop the servers, drop the database (and, after a
// clean run, remove the server logs).
const cleanup = []
async function runCleanup() {
  while (cleanup.length) {
    const step = cleanup.shift()
    try {
      await step()
    } catch (err) {
      console.error(`[bench] cleanup: ${err && err.message}`)
    }
  }
}

async function main() {
  const started = Date.now()
  const logs = []
  let failed = false
  try {
    const db = await createTestDatabase("bench")
    cleanup.unshift(() => db.drop())
    log(`database ${db.name}: migrating and seeding`)
    const seed = migrateAndSeed(db.url)
    const key = seed.publishableKeys.com

    log("starting the PVA server and stock Medusa 1.20")
    const pva = await startPvaServer(db.url)
    cleanup.unshift(() => pva.stop())
    logs.push(pva.logFile)
    const stock = await startStockServer(db.url)
    cleanup.unshift(() => stock.stop())
    logs.push(stock.logFile)

    const pvaCtx = await discover(pva, key)
    const stockCtx = await discover(stock, key)
    log(`GET ${pvaCtx.productsPath}: ${pvaCtx.productsBytes} bytes from PVA, ${stockCtx.productsBytes} from stock (uncompressed)`)
    log(`${CONCURRENCY} connections; per scenario and server: ${WARMUP_SECONDS} s warm-up, ${SECONDS} s measured`)

    const servers = [
      { name: "pva", server: pva, ctx: pvaCtx },
      { name: "stock", server: stock, ctx: stockCtx },
    ]
    const rows = []
    rows.push(await measure({ label: "GET /store/products (12, US prices)", prepare: prepareProducts }, servers))
    rows.push(await measure({ label: "POST /store/carts/:id/line-items", prepare: prepareAddToCart }, servers))
    report(rows)
    // The logs are only worth keeping when something went wrong.
    for (const server of [pva, stock]) cleanup.push(server.removeLog)
  } catch (err) {
    failed = true
    console.error(`[bench] failed: ${err && err.stack ? err.stack : err}`)
    if (logs.length) console.error(`[bench] server logs: ${logs.join(", ")}`)
  } finally {
    await runCleanup()
    log(`done in ${fmt((Date.now() - started) / 1000)} s`)
  }
  process.exit(failed ? 1 : 0)
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.once(signal, () => {
    log(`${signal}: stopping the servers and dropping the database`)
    runCleanup().finally(() => process.exit(130))
  })
}

main()

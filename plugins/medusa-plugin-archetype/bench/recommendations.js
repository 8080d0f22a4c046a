// Recommendations benchmark: GET /store/recommendations against the plain
// product list GET /store/products?limit=8, on one PVA server, same run, same load,
// over a catalog of 10,000 products and 50,000 orders generated below.
//
//   npm run bench -w @pva/medusa-plugin-archetype
//   BENCH_SECONDS=20 BENCH_PRODUCTS=10000 BENCH_ORDERS=50000 npm run bench -w @pva/medusa-plugin-archetype
//   BENCH_KEEP_DATABASE=true ...   (keeps the generated database, to EXPLAIN queries against it)
//
// The output is a report, not a test: it exits 0 whatever the numbers are.
const { Client } = require("pg")
const serverBench = require("path").join(__dirname, "..", "..", "..", "medusa-server", "bench", "lib")
const { migrateAndSeed, startPvaServer } = require(`${serverBench}/servers`)
const { createTestDatabase } = require("@pva/test-support/database")
const { call, runLoad, summarize } = require(`${serverBench}/load`)
const { log, positive } = require(`${serverBench}/settings`)

const SECONDS = positive("BENCH_SECONDS", 10)
const WARMUP_SECONDS = positive("BENCH_WARMUP_SECONDS", 3)
const CONCURRENCY = positive("BENCH_CONCURRENCY", 10)
const PRODUCTS = positive("BENCH_PRODUCTS", 10_000)
const ORDERS = positive("BENCH_ORDERS", 50_000)
const SHOPPERS = 20 // registered through the API so their requests carry real sessions



/**
 * A catalog where demand is skewed the way shops see it: a few products sell a lot.
 * 10% of products are out of stock and 10% belong to the other storefront, so the
 * filters have work to do. Orders spread over the last 120 days, 1–4 items each.
 */
async function generate(db, { comChannel, orgChannel, shopperIds }) {
  await db.query("BEGIN")
  const [{ region_id }] = (await db.query(`SELECT id AS region_id FROM region WHERE currency_code = 'usd' LIMIT 1`)).rows
  await db.query(`
    INSERT INTO product (id, title, handle, status, thumbnail, description)
    SELECT 'prod_bench_' || i, 'Bench Piece ' || i, 'bench-piece-' || i, 'published', NULL, 'Generated for the recommendations benchmark'
      FROM generate_series(1, $1) i`, [PRODUCTS])
  await db.query(`
    INSERT INTO product_variant (id, title, product_id, inventory_quantity, manage_inventory)
    SELECT 'variant_bench_' || i, 'Standard', 'prod_bench_' || i, CASE WHEN i % 10 = 0 THEN 0 ELSE 1000 END, true
      FROM generate_series(1, $1) i`, [PRODUCTS])
  await db.query(`
    INSERT INTO money_amount (id, currency_code, amount) SELECT 'ma_bench_' || i, 'usd', 1000 + (i * 37) % 50000 FROM generate_series(1, $1) i`, [PRODUCTS])
  await db.query(`
    INSERT INTO product_variant_money_amount (id, money_amount_id, variant_id)
    SELECT 'pvma_bench_' || i, 'ma_bench_' || i, 'variant_bench_' || i FROM generate_series(1, $1) i`, [PRODUCTS])
  await db.query(`
    INSERT INTO product_sales_channel (product_id, sales_channel_id)
    SELECT 'prod_bench_' || i, CASE WHEN i % 10 = 5 THEN $2 ELSE $3 END FROM generate_series(1, $1) i`, [PRODUCTS, orgChannel, comChannel])
  await db.query(`
    INSERT INTO product_category_product (product_category_id, product_id)
    SELECT c.id, 'prod_bench_' || i
      FROM generate_series(1, $1) i
      JOIN LATERAL (SELECT id FROM product_category ORDER BY md5(id || i) LIMIT 1 + i % 2) c ON true`, [PRODUCTS])

  const shoppers = shopperIds.length
  await db.query(`
    INSERT INTO customer (id, email, has_account)
    SELECT 'cus_bench_' || i, 'bench-' || i || '@example.com', false FROM generate_series(1, 5000) i`)
  await db.query(`
    INSERT INTO "order" (id, status, customer_id, email, region_id, currency_code, created_at)
    SELECT 'order_bench_' || i, 'completed',
           CASE WHEN i <= $3::int * 20 THEN ($4::text[])[1 + i % $3::int] ELSE 'cus_bench_' || (1 + i % 5000) END,
           'bench@example.com', $2, 'usd', now() - (i % 120) * interval '1 day' - (i % 86400) * interval '1 second'
      FROM generate_series(1, $1) i`, [ORDERS, region_id, shoppers, shopperIds])
  // Product rank r is drawn with probability ∝ 1/r (a Zipf-like head and long tail).
  await db.query(`
    INSERT INTO line_item (id, order_id, title, unit_price, quantity, variant_id)
    SELECT 'item_bench_' || o || '_' || k, 'order_bench_' || o, 'Bench Piece', 1000, 1,
           'variant_bench_' || (floor(exp(random() * ln($2::int::float))))::int
      FROM generate_series(1, $1) o, generate_series(1, 1 + o % 4) k`, [ORDERS, PRODUCTS])
  await db.query("COMMIT")
  await db.query("ANALYZE")
}

async function registerShoppers(url, publishableKey) {
  const shoppers = []
  for (let i = 0; i < SHOPPERS; i++) {
    const email = `bench-shopper-${i}-${Date.now().toString(36)}@example.com`
    const headers = { "x-publishable-api-key": publishableKey, "content-type": "application/json" }
    const body = { email, password: "bench-password", first_name: "Bench", last_name: `Shopper ${i}` }
    const { json } = await call(url, { method: "POST", path: "/store/customers", headers, body })
    const { json: auth } = await call(url, {
      method: "POST", path: "/store/auth/token", headers, body: { email, password: "bench-password" },
    })
    shoppers.push({ id: json.customer.id, token: auth.access_token })
  }
  return shoppers
}

function round(n) {
  return Math.round(n * 10) / 10
}

async function measure(server, name, next) {
  await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: WARMUP_SECONDS, next })
  const run = await runLoad({ baseUrl: server.url, concurrency: CONCURRENCY, seconds: SECONDS, next })
  const s = summarize([run])
  log(`${name.padEnd(34)} ${round(s.rps)} req/s  p50 ${round(s.p50)} ms  p95 ${round(s.p95)} ms  errors ${s.errors}${s.firstError ? ` (${s.firstError})` : ""}`)
  return s
}

async function main() {
  const db = await createTestDatabase("bench")
  let server
  const client = new Client({ connectionString: db.url })
  try {
    log(`seeding ${db.name}`)
    const seed = migrateAndSeed(db.url)
    server = await startPvaServer(db.url)
    const key = seed.publishableKeys.com
    const shoppers = await registerShoppers(server.url, key)

    await client.connect()
    let t0 = Date.now()
    await generate(client, { comChannel: seed.salesChannels.com, orgChannel: seed.salesChannels.org, shopperIds: shoppers.map((s) => s.id) })
    const [{ products, orders, items }] = (
      await client.query(`SELECT (SELECT count(*) FROM product)::int AS products, (SELECT count(*) FROM "order")::int AS orders,
                                 (SELECT count(*) FROM line_item)::int AS items`)
    ).rows
    log(`generated ${products} products, ${orders} orders, ${items} line items in ${((Date.now() - t0) / 1000).toFixed(1)} s`)

    const { json: admin } = await call(server.url, {
      method: "POST", path: "/admin/auth/token", headers: { "content-type": "application/json" },
      body: { email: "admin@pvabazaar.local", password: "pva-admin-dev" },
    })
    t0 = Date.now()
    const { json: refreshed } = await call(server.url, {
      method: "POST", path: "/admin/archetype/recommendations/refresh", headers: { authorization: `Bearer ${admin.access_token}` },
    })
    const refreshSeconds = (Date.now() - t0) / 1000
    log(`full signal refresh: ${JSON.stringify(refreshed.refreshed)} in ${refreshSeconds.toFixed(1)} s`)

    const popular = (await client.query(`SELECT product_id FROM archetype_product_popularity ORDER BY score DESC LIMIT 200`)).rows.map((r) => r.product_id)
    const headers = { "x-publishable-api-key": key, "accept-encoding": "gzip", accept: "application/json" }
    const archetypes = ["guardian", "pioneer", "strategist", "visionary"]
    let i = 0
    const scenarios = [
      ["GET /store/products?limit=8", () => ({ path: "/store/products?limit=8", headers })],
      ["recommendations ?archetype=", () => ({ path: `/store/recommendations?limit=8&archetype=${archetypes[i++ % 4]}`, headers })],
      ["recommendations ?product_id=", () => ({ path: `/store/recommendations?limit=8&product_id=${popular[i++ % popular.length]}`, headers })],
      ["recommendations, logged-in buyer", () => ({
        path: "/store/recommendations?limit=8",
        headers: { ...headers, authorization: `Bearer ${shoppers[i++ % shoppers.length].token}` },
      })],
    ]
    const results = []
    for (const [name, next] of scenarios) results.push([name, await measure(server, name, next)])

    const [, base] = results[0]
    console.log(`\n| request (10 connections, ${PRODUCTS} products, ${orders} orders) | req/s | p50 ms | p95 ms | p95 vs product list |`)
    console.log("|---|---|---|---|---|")
    for (const [name, s] of results) {
      console.log(`| ${name} | ${round(s.rps)} | ${round(s.p50)} | ${round(s.p95)} | ${(s.p95 / base.p95).toFixed(2)}× |`)
    }
    console.log(`\nfull signal refresh (hourly job): ${refreshSeconds.toFixed(1)} s`)
  } finally {
    await client.end().catch(() => undefined)
    if (server) await server.stop()
    if (process.env.BENCH_KEEP_DATABASE === "true") log(`kept database ${db.url}`)
    else await db.drop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

// `npm run bench -w @pva/medusa-plugin-marketplace`: the store's listing query at 10,000
// listings. Generated listings go straight into the read model of a real stack (hardhat node
// with PVAMarket, Postgres, the PVA server); each filter / sort combination of
// GET /store/market/listings is timed against GET /store/market/config (one small query, the
// baseline) in the same run, and printed as p50 / p95 and the p95 ratio. Target: p95 ≤ 50 ms.
import { startMarketStack, type MarketStack } from "../test-support/market-stack"

const LISTINGS = Number(process.env.BENCH_LISTINGS || 10_000)
const REQUESTS = Number(process.env.BENCH_REQUESTS || 200)
const WARMUP = 20

const say = (line: string) => process.stdout.write(`${line}\n`)

const COMBINATIONS = [
  "",
  "sort=ending_soon",
  "sort=price_asc",
  "sort=price_desc",
  "kind=fixed&sort=price_asc",
  "kind=english&sort=ending_soon",
  "kind=dutch&sort=price_desc",
  "asset=shares&sort=newest",
  "min_price=1000000000000000000&max_price=5000000000000000000&sort=price_asc",
  "kind=dutch&min_price=2000000000000000000&sort=ending_soon",
  "sort=newest&limit=100&offset=5000",
]

/** 10,000 listings of every kind, asset and status, prices 0.01–10 ETH, ends spread over a month. */
async function generate(stack: MarketStack) {
  const market = stack.chain.market.address.toLowerCase()
  const [twin, shares] = [stack.chain.twin.address.toLowerCase(), stack.chain.shares.address.toLowerCase()]
  await stack.sql(
    `INSERT INTO market_listing (market_address, listing_id, kind, asset_type, token_address, token_id, seller, initial_quantity, quantity, price,
       floor_price, duration, min_increment_bps, extension_window, starts_at, ends_at, status, high_bidder, high_bid, bid_count, created_at, listed_tx_hash)
     SELECT $1, 1000000 + i, k.kind, CASE WHEN i % 5 = 0 THEN 'shares' ELSE 'twin' END, CASE WHEN i % 5 = 0 THEN $3 ELSE $2 END, 2000000 + i,
       '0x' || lpad(to_hex(i % 300), 40, '0'), CASE WHEN i % 5 = 0 THEN 10 ELSE 1 END, CASE WHEN i % 5 = 0 THEN 10 ELSE 1 END,
       (10000000000000000::numeric + (i * 7919 % 1000) * 9990000000000000::numeric),
       CASE WHEN k.kind = 'dutch' THEN 5000000000000000 END,
       CASE WHEN k.kind <> 'fixed' THEN 86400 * (1 + i % 7) END,
       CASE WHEN k.kind = 'english' THEN 500 END, CASE WHEN k.kind = 'english' THEN 600 END,
       now() - ((i % 48) || ' hours')::interval,
       CASE WHEN k.kind = 'fixed' THEN NULL WHEN k.kind = 'english' AND i % 3 = 0 THEN NULL ELSE now() + ((i % 720) || ' hours')::interval END,
       CASE WHEN i % 10 = 1 THEN 'sold' WHEN i % 10 = 2 THEN 'cancelled' ELSE 'active' END,
       CASE WHEN k.kind = 'english' AND i % 3 <> 0 THEN '0x' || lpad(to_hex(i % 97 + 1000), 40, '0') END,
       CASE WHEN k.kind = 'english' AND i % 3 <> 0 THEN (20000000000000000::numeric + (i * 7919 % 1000) * 9990000000000000::numeric) END,
       CASE WHEN k.kind = 'english' AND i % 3 <> 0 THEN 1 + i % 5 ELSE 0 END,
       now() - (i || ' minutes')::interval, '0x' || lpad(to_hex(i), 64, '0')
     FROM generate_series(1, $4::int) AS i
     CROSS JOIN LATERAL (SELECT (ARRAY['fixed', 'english', 'dutch'])[1 + i % 3] AS kind) k`,
    [market, twin, shares, LISTINGS],
  )
  await stack.sql(`ANALYZE market_listing`)
}

async function time(stack: MarketStack, path: string): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUP; i++) await stack.api("GET", path)
  const samples: number[] = []
  for (let i = 0; i < REQUESTS; i++) {
    const started = process.hrtime.bigint()
    const res = await stack.api("GET", path)
    samples.push(Number(process.hrtime.bigint() - started) / 1e6)
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${res.text}`)
  }
  samples.sort((a, b) => a - b)
  return { p50: samples[Math.floor(samples.length * 0.5)], p95: samples[Math.ceil(samples.length * 0.95) - 1] }
}

let stack: MarketStack
beforeAll(async () => {
  stack = await startMarketStack()
  await generate(stack)
}, 600_000)
afterAll(async () => {
  await stack?.stop()
})

it(`GET /store/market/listings at ${LISTINGS} listings, p95 against GET /store/market/config`, async () => {
  const baseline = await time(stack, "/store/market/config")
  say(`\n${LISTINGS} listings, ${REQUESTS} sequential requests per row (after ${WARMUP} warm-up)`)
  say(`| query | p50 ms | p95 ms | p95 / baseline p95 |`)
  say(`|---|---|---|---|`)
  say(`| GET /store/market/config (baseline) | ${baseline.p50.toFixed(1)} | ${baseline.p95.toFixed(1)} | 1.00 |`)
  let worst = 0
  for (const query of COMBINATIONS) {
    const path = `/store/market/listings${query ? `?${query}` : ""}`
    const { p50, p95 } = await time(stack, path)
    worst = Math.max(worst, p95)
    say(`| \`${query || "(default: active, newest)"}\` | ${p50.toFixed(1)} | ${p95.toFixed(1)} | ${(p95 / baseline.p95).toFixed(2)} |`)
  }
  say(`worst p95: ${worst.toFixed(1)} ms (target ≤ 50 ms)`)
  const [{ count }] = await stack.sql(`SELECT count(*)::int AS count FROM market_listing`)
  expect(count).toBeGreaterThanOrEqual(LISTINGS)
})

// Lighthouse on the production build of pvabazaar.org: home, an artifact page, an offering page
// and the market with 1,000 listings, served as `npm start` serves it against a freshly seeded PVA Medusa
// server following a local Hardhat chain (the seed opens its offerings there; the market's
// listings are made on chain and followed into the store), audited in Debian's Chromium.
//
//   npm run bench -w @pva/storefront-org
//   BENCH_RUNS=3 npm run bench -w @pva/storefront-org   (median of more runs per page)
import path from "node:path"
import { createRequire } from "node:module"
import { benchStorefront } from "../../scripts/lib/storefront-lighthouse.mjs"
import { seedMarketListings, waitForListings } from "./market-listings.mjs"

const require = createRequire(import.meta.url)
const { log, positive } = require("../../medusa-server/bench/lib/settings")
const MARKET_LISTINGS = positive("BENCH_MARKET_LISTINGS", 1000)

benchStorefront({
  root: path.resolve(path.dirname(new URL(import.meta.url).pathname), ".."),
  label: "org_bench",
  channel: "org",
  chain: true,
  // Chain sync follows at once, so the market's listings reach the store as they are made.
  serverEnv: (siteUrl) => ({ STOREFRONT_ORG_URL: siteUrl, CHAIN_SYNC_FOLLOW: "true", CHAIN_CONFIRMATIONS: "0", CHAIN_SYNC_POLL_INTERVAL_MS: "100" }),
  // The wallet-free pages with performance goals (every shopper sees them; no wallet is needed).
  pages: async (stack) => {
    const headers = { "x-publishable-api-key": stack.seed.publishableKeys.org }
    const { twins } = await (await fetch(`${stack.serverUrl}/store/twins?limit=1`, { headers })).json()
    const { offerings } = await (await fetch(`${stack.serverUrl}/store/offerings`, { headers })).json()
    if (!twins?.length || !offerings?.length) throw new Error("the seed made no twin or no offering to audit")
    await seedMarketListings({ rpcUrl: stack.chain.url, deploymentsDir: stack.chain.deploymentsDir, count: MARKET_LISTINGS, log })
    log(`the store shows ${await waitForListings({ serverUrl: stack.serverUrl, publishableKey: stack.seed.publishableKeys.org, count: MARKET_LISTINGS })} listings`)
    return [
      ["home", "/"],
      ["artifact", `/artifacts/${twins[0].token_id}`],
      ["offering", `/offerings/${offerings[0].id}`],
      ["market", "/market"],
      ["market-ending-soon", "/market?sort=ending_soon&kind=english"],
    ]
  },
  goals: { performance: 95, accessibility: 95, lcpMs: 1500, cls: 0.05, firstLoadKb: 170 },
  runs: positive("BENCH_RUNS", 1),
  log,
}).catch((err) => {
  console.error(err)
  process.exit(1)
})


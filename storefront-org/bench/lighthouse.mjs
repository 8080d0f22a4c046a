// Lighthouse on the production build of pvabazaar.org: home, an artifact page and an offering
// page, served by `next start` against a freshly seeded PVA Medusa server on a local Hardhat
// chain (the seed opens its offerings there), audited in Debian's Chromium.
//
//   npm run bench -w @pva/storefront-org
//   BENCH_RUNS=3 npm run bench -w @pva/storefront-org   (median of more runs per page)
import path from "node:path"
import { createRequire } from "node:module"
import { benchStorefront } from "../../scripts/lib/storefront-lighthouse.mjs"

const require = createRequire(import.meta.url)
const { log, positive } = require("../../medusa-server/bench/lib/settings")

benchStorefront({
  root: path.resolve(path.dirname(new URL(import.meta.url).pathname), ".."),
  label: "org_bench",
  channel: "org",
  chain: true,
  serverEnv: (siteUrl) => ({ STOREFRONT_ORG_URL: siteUrl }),
  // The wallet-free pages with performance goals (every shopper sees them; no wallet is needed).
  pages: async (stack) => {
    const headers = { "x-publishable-api-key": stack.seed.publishableKeys.org }
    const { twins } = await (await fetch(`${stack.serverUrl}/store/twins?limit=1`, { headers })).json()
    const { offerings } = await (await fetch(`${stack.serverUrl}/store/offerings`, { headers })).json()
    if (!twins?.length || !offerings?.length) throw new Error("the seed made no twin or no offering to audit")
    return [
      ["home", "/"],
      ["artifact", `/artifacts/${twins[0].token_id}`],
      ["offering", `/offerings/${offerings[0].id}`],
    ]
  },
  goals: { performance: 95, accessibility: 95, lcpMs: 1500, cls: 0.05, firstLoadKb: 170 },
  runs: positive("BENCH_RUNS", 1),
  log,
}).catch((err) => {
  console.error(err)
  process.exit(1)
})


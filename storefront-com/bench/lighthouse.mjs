// Lighthouse on the production build of pvabazaar.com: home, a category
// page and a product page, served as `npm start` serves it against a freshly seeded PVA
// Medusa server, audited in Debian's Chromium. Prints a table against the goals.
//
//   npm run bench -w @pva/storefront-com
//   BENCH_RUNS=3 npm run bench -w @pva/storefront-com   (median of more runs per page)
//   BENCH_PRODUCTS=10000 npm run bench -w @pva/storefront-com   (on a 10k-product catalog)
import path from "node:path"
import { createRequire } from "node:module"
import { benchStorefront } from "../../scripts/lib/storefront-lighthouse.mjs"

const require = createRequire(import.meta.url)
const { log, positive } = require("../../medusa-server/bench/lib/settings")

const PRODUCTS = positive("BENCH_PRODUCTS", 0)

benchStorefront({
  root: path.resolve(path.dirname(new URL(import.meta.url).pathname), ".."),
  label: "com_bench",
  channel: "com",
  seedArgs: PRODUCTS ? ["--products", String(PRODUCTS)] : [],
  pages: async () => [
    ["home", "/"],
    ["category", "/categories/emeralds"],
    ["product", "/products/amradjet-emerald-pendant"],
  ],
  // The product plan's goals for pages whose largest paint is a product photo (seeded raster images).
  goals: { performance: 98, accessibility: 95, lcpMs: 1200, cls: 0.05, firstLoadKb: 150 },
  runs: positive("BENCH_RUNS", 1),
  log,
}).catch((err) => {
  console.error(err)
  process.exit(1)
})

import path from "path"

const { buildNextSite, serveNextSite } = require("@pva/test-support/next-site")

const SHOP_DIR = path.resolve(__dirname, "..")
const DIST_DIR = ".next-e2e"

export type Shop = { url: string; stop: () => void }

/**
 * pvabazaar.com for a test's Medusa server: the production build, served by its server.js (`npm start`).
 * The build holds nothing of any server (every page renders per request and the layout hands
 * the browser its Medusa URL and key), so this suite and storefront-org's claim journey share
 * one build, made by whichever runs first and remade only when the shop's sources change.
 */
export async function startShop(opts: { port: number; medusaUrl: string; publishableKey: string; logFile: string; env?: Record<string, string> }): Promise<Shop> {
  // As in production (jest sets "test"): Secure cookies, production React.
  const env = { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" }
  const started = Date.now()
  const { reused } = buildNextSite({ siteDir: SHOP_DIR, distDir: DIST_DIR, env })
  console.log(reused ? `storefront-com: reusing the build in ${DIST_DIR}` : `storefront-com: built into ${DIST_DIR} in ${((Date.now() - started) / 1000).toFixed(0)} s`)
  return serveNextSite({
    siteDir: SHOP_DIR,
    distDir: DIST_DIR,
    port: opts.port,
    logFile: opts.logFile,
    readyPath: "/account",
    env: { ...env, NEXT_PUBLIC_MEDUSA_BACKEND_URL: opts.medusaUrl, NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY: opts.publishableKey, ...opts.env },
  })
}

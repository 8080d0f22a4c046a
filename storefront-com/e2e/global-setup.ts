import path from "path"
import { createTestDatabase, freePort } from "@pva/test-support/database"
import { migrateAndSeed, startServer } from "@pva/test-support/server"
import { STAND_IN_SECRET_KEY, startStripeStandIn } from "@pva/test-support/stripe-stand-in"
import { startShop } from "./shop-site"

const ROOT = path.resolve(__dirname, "..")
const REVALIDATE_SECRET = "e2e-revalidate-secret"

/**
 * A real seeded Medusa server, and the shop served for it by its server.js, as `npm start` does (built once, see shop-site.ts):
 * the browser talks to both exactly as a shopper's would.
 */
export default async function globalSetup() {
  const shopPort = await freePort()
  const shopUrl = `http://127.0.0.1:${shopPort}`
  const medusaPort = await freePort()
  const medusaUrl = `http://127.0.0.1:${medusaPort}`
  // Stripe's API stands in on loopback: regions offer cards, and the browser can come back from 3-D Secure.
  const stripe = await startStripeStandIn({ webhookUrl: `${medusaUrl}/stripe/hooks` })
  const db = await createTestDatabase("storefront_e2e")
  const seed = migrateAndSeed(db.url, { MEDUSA_BACKEND_URL: medusaUrl, STRIPE_API_KEY: STAND_IN_SECRET_KEY })
  const medusa = await startServer(db.url, {
    STORE_CORS: shopUrl,
    STOREFRONT_REVALIDATE_URLS: `${shopUrl}/api/revalidate`,
    REVALIDATE_SECRET,
    RATE_LIMIT_LOGIN: "1000",
    RATE_LIMIT_CHECKOUT_PER_IP: "1000",
    // Every browser here is 127.0.0.1; per-client limits are tested with forwarded addresses.
    RATE_LIMIT_LOGIN_PER_CLIENT: "1000",
    RATE_LIMIT_ACCOUNT_PER_CLIENT: "1000",
    // Emailed links point at this shop; the shop's server speaks for the browser.
    STOREFRONT_COM_URL: shopUrl,
    TRUST_PROXY: "loopback",
    STRIPE_API_KEY: STAND_IN_SECRET_KEY,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_URL: stripe.url,
  }, medusaPort)

  const shop = await startShop({
    port: shopPort,
    medusaUrl: medusa.url,
    publishableKey: seed.publishableKeys.com,
    logFile: path.join(ROOT, "test-artifacts", "next-server.log"),
    env: { REVALIDATE_SECRET, NEXT_PUBLIC_SITE_URL: "https://pvabazaar.test" },
  })

  process.env.PVA_TEST_SERVER_URL = medusa.url
  process.env.PVA_TEST_DATABASE_URL = db.url
  process.env.PVA_TEST_SEED = JSON.stringify(seed)
  process.env.PVA_SHOP_URL = shopUrl
  process.env.PVA_STRIPE_URL = stripe.url
  // stopped by @pva/test-support/global-teardown
  ;(globalThis as any).__PVA_TEST__ = { storefront: shop, server: medusa, stripe, db }
}

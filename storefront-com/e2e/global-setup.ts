import path from "path"
import { exportStackEnv, JOURNEY_RATE_LIMITS, startStorefrontStack } from "@pva/test-support/storefront"

const REVALIDATE_SECRET = "e2e-revalidate-secret"

/**
 * A real seeded Medusa server, and the shop built for it and served by `next start`:
 * the browser talks to both exactly as a shopper's would. @pva/test-support/global-teardown stops them.
 */
export default async function globalSetup() {
  const stack = await startStorefrontStack({
    root: path.resolve(__dirname, ".."),
    label: "storefront_e2e",
    channel: "com",
    distDir: ".next-e2e",
    readyPath: "/account",
    serverEnv: (shopUrl) => ({
      STOREFRONT_REVALIDATE_URLS: `${shopUrl}/api/revalidate`,
      REVALIDATE_SECRET,
      ...JOURNEY_RATE_LIMITS,
      // Emailed links point at this shop; the shop's server speaks for the browser.
      STOREFRONT_COM_URL: shopUrl,
    }),
    nextEnv: { REVALIDATE_SECRET },
  })
  exportStackEnv(stack)
  process.env.PVA_SHOP_URL = stack.siteUrl
}

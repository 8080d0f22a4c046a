import path from "path"
import { FOLLOW_AT_ONCE } from "@pva/test-support/chain"
import { exportStackEnv, JOURNEY_RATE_LIMITS, startStorefrontStack } from "@pva/test-support/storefront"

/**
 * Everything real: a Hardhat node with the contracts deployed by their deploy script, a seeded
 * Medusa server following that chain (chain sync, no confirmations), and this site built for
 * them and served by `next start`. The browser wallet is injected per page (browser-wallet.ts).
 * @pva/test-support/global-teardown stops them.
 */
export default async function globalSetup() {
  const stack = await startStorefrontStack({
    root: path.resolve(__dirname, ".."),
    label: "storefront_org_e2e",
    channel: "org",
    distDir: ".next-e2e",
    chain: true,
    readyPath: "/account",
    serverEnv: (orgUrl) => ({
      ...FOLLOW_AT_ONCE,
      // Claim emails link here, and SIWE messages signed for this host are accepted.
      STOREFRONT_ORG_URL: orgUrl,
      // This site, and the host the fractional plugin's test helpers sign their SIWE messages for.
      SIWE_DOMAINS: `${new URL(orgUrl).host},localhost:8001`,
      TWIN_CLAIM_ATTEMPTS: "100",
      ...JOURNEY_RATE_LIMITS,
    }),
  })
  exportStackEnv(stack)
  process.env.PVA_ORG_URL = stack.siteUrl
}

#!/usr/bin/env node
// Run by scripts/dev.js after the local chain is deployed and the store seeded, before the server starts.
import { reconcileDevChain } from "../lib/dev-chain-reconcile"
import { resolveSettings } from "../lib/settings"

const settings = resolveSettings()
if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is required")
  process.exit(1)
}
reconcileDevChain({
  databaseUrl: process.env.DATABASE_URL,
  rpcUrl: settings.rpcUrl,
  minterKey: settings.minterKey,
  deploymentsDir: process.env.CHAIN_DEPLOYMENTS_DIR || undefined,
}).catch((err) => {
  console.error(`digital twins: dev chain reconcile failed: ${err instanceof Error ? err.message : err}`)
  process.exit(1)
})

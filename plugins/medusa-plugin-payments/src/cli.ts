#!/usr/bin/env node
// pva-payments: compare the store's payments with Stripe's, against DATABASE_URL and STRIPE_API_KEY.
import { Pool } from "pg"
import Stripe from "stripe"
import { ProgressBar, runCli } from "@pva/medusa-kit"
import { stripeClientConfig } from "./lib/stripe-client"
import { reconciliationRange, reconcileStripe } from "./lib/reconciliation"

const USAGE = `usage: pva-payments reconcile [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]

Lists every difference between the store's Stripe payments and Stripe's PaymentIntents and
refunds created in the range (default: the last 30 days): payments missing in the store,
captures or refunds on one side only, amounts that differ, authorizations about to lapse.
Exits 0 when everything matches, 2 when something does not.
Reads DATABASE_URL, STRIPE_API_KEY and STRIPE_API_URL (a stand-in, outside production).
`

function flag(argv: string[], name: string): string | undefined {
  const at = argv.indexOf(name)
  if (at < 0) return undefined
  const value = argv[at + 1]
  if (!value || value.startsWith("--")) throw new Error(`${name} needs a value`)
  return value
}

async function main(argv: string[]): Promise<number> {
  const [command] = argv
  if (command !== "reconcile") {
    process.stdout.write(USAGE)
    return command === "help" || command === "--help" ? 0 : 1
  }
  const { DATABASE_URL, STRIPE_API_KEY, STRIPE_API_URL } = process.env
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set")
  if (!STRIPE_API_KEY) throw new Error("STRIPE_API_KEY is not set")
  if (STRIPE_API_URL && process.env.NODE_ENV === "production") throw new Error("STRIPE_API_URL is refused in production")
  const range = reconciliationRange(flag(argv, "--from"), flag(argv, "--to"))
  const pool = new Pool({ connectionString: DATABASE_URL, max: 1, application_name: "pva-payments" })
  try {
    const progress = new ProgressBar()
    const report = await reconcileStripe({
      stripe: new Stripe(STRIPE_API_KEY, stripeClientConfig(STRIPE_API_URL)),
      db: pool,
      ...range,
      onPage: (fetched) => progress.draw(0.5, `${fetched} PaymentIntents read`),
    })
    progress.finish(`${report.intents} PaymentIntents, ${report.payments} store payments, ${report.mismatches.length} mismatch(es) from ${report.from} to ${report.to}`)
    if (argv.includes("--json")) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
    else for (const m of report.mismatches) process.stdout.write(`${m.kind}\t${m.intent_id}\t${m.order_number ?? "-"}\t${m.message}\n`)
    return report.mismatches.length ? 2 : 0
  } finally {
    await pool.end()
  }
}

if (require.main === module) runCli("pva-payments", main)

export { main }

import type { SqlRunner } from "@pva/medusa-kit"
import type Stripe from "stripe"
import { storePaymentsForIntents } from "../db/store-payments"
import { findMismatches, Mismatch } from "./reconcile"

export type ReconciliationReport = {
  from: string
  to: string
  intents: number
  payments: number
  mismatches: Mismatch[]
}

/**
 * Stripe's PaymentIntents created in [from, to] and every refund since `from` (paginated list
 * calls), against the store's Stripe payments for those intents.
 */
export async function reconcileStripe(opts: {
  stripe: Stripe
  /** Where the store's payments are read: an EntityManager, or a pg pool or client. */
  db: SqlRunner
  from: Date
  to: Date
  pageSize?: number
  onPage?: (fetched: number) => void
}): Promise<ReconciliationReport> {
  const created = { gte: Math.floor(opts.from.getTime() / 1000), lte: Math.floor(opts.to.getTime() / 1000) }
  const limit = opts.pageSize ?? 100
  const intents: Stripe.PaymentIntent[] = []
  for await (const intent of opts.stripe.paymentIntents.list({ created, limit })) {
    intents.push(intent)
    if (intents.length % limit === 0) opts.onPage?.(intents.length)
  }
  const refunded = new Map<string, number>()
  for await (const refund of opts.stripe.refunds.list({ created: { gte: created.gte }, limit })) {
    const intentId = typeof refund.payment_intent === "string" ? refund.payment_intent : refund.payment_intent?.id
    if (intentId && refund.status === "succeeded") refunded.set(intentId, (refunded.get(intentId) ?? 0) + refund.amount)
  }
  const payments = await storePaymentsForIntents(
    opts.db,
    intents.map((i) => i.id)
  )
  return {
    from: opts.from.toISOString(),
    to: opts.to.toISOString(),
    intents: intents.length,
    payments: payments.length,
    mismatches: findMismatches(intents, refunded, payments, Math.floor(Date.now() / 1000)),
  }
}

/** A date range from query or command-line strings; a clear error for anything else. */
export function reconciliationRange(fromText?: string, toText?: string, now = new Date()): { from: Date; to: Date } {
  const to = toText ? new Date(toText) : now
  const from = fromText ? new Date(fromText) : new Date(to.getTime() - 30 * 86400_000)
  if (Number.isNaN(from.getTime())) throw new RangeError(`from: "${fromText}" is not a date (use YYYY-MM-DD or an ISO time)`)
  if (Number.isNaN(to.getTime())) throw new RangeError(`to: "${toText}" is not a date (use YYYY-MM-DD or an ISO time)`)
  if (from > to) throw new RangeError("from must not be after to")
  if (to.getTime() - from.getTime() > 366 * 86400_000) throw new RangeError("the range may span at most 366 days")
  return { from, to }
}

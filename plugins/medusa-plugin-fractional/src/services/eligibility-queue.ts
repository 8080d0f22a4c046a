import { FractionalService } from "../lib/fractional-service"
import { claimTask, dueTaskWallets, markTaskDone, nextAttemptOf, recordTaskFailure, taskDueAgain, wishEligibility } from "../db/eligibility-task"
import { getAddress, type Address } from "viem"

export type EligibilityResult = { wallet: Address; eligible: boolean; tx_hash?: string; error?: string; retry_at?: string }

/** Seconds before attempt `attempts + 1`: 2, 4, 8 … up to ten minutes; the chain may be down for long. */
export function eligibilityBackoffSeconds(attempts: number): number {
  return Math.min(2 ** Math.max(1, attempts), 600)
}

/** How long one attempt may hold a wallet's task before another process may take it over. */
const CLAIM_SECONDS = 180

/** A wallet's eligibility task as the queue claims it. */
type EligibilityTask = { eligible: boolean; version: number; attempts: number }

/**
 * A wallet's eligibility on PVAShares (`setEligible`, COMPLIANCE key) as a durable task:
 * the wanted state is written first, then sent; a failed attempt (chain down, a revert) is
 * kept with its error and retried with backoff by the retry job until it lands. One task per
 * wallet, and the latest wish replaces an older one, so an approval queued behind a failure
 * and then revoked ends ineligible.
 */
class EligibilityQueueService extends FractionalService {
  /** Queues `eligible` for `wallet` and makes a first attempt now (held from the retry job). */
  async request(address: string, eligible: boolean): Promise<EligibilityResult> {
    const wallet = getAddress(address)
    const task = await wishEligibility(this.activeManager_, wallet, eligible, CLAIM_SECONDS)
    return this.send(wallet, task)
  }

  /** One attempt at a wallet's pending task, unless another attempt holds it. */
  async attempt(wallet: Address): Promise<EligibilityResult | null> {
    const task = await claimTask(this.activeManager_, wallet, CLAIM_SECONDS)
    return task ? this.send(wallet, task) : null
  }

  /** Brings the chain to the task's wish; the task is done, or keeps its error and its next attempt's time. */
  private async send(wallet: Address, task: EligibilityTask): Promise<EligibilityResult> {
    try {
      let tx_hash: string | undefined
      if ((await this.chain.isEligible(wallet)) !== task.eligible) tx_hash = await this.chain.sendAndConfirm("compliance", "setEligible", [wallet, task.eligible])
      // Done only if nobody asked for something else meanwhile. If someone did, this send may
      // have landed after theirs: the task goes back to pending, and the retry job compares the
      // chain with the latest wish again.
      if (!(await markTaskDone(this.activeManager_, wallet, task.version, tx_hash ?? null))) await taskDueAgain(this.activeManager_, wallet)
      return { wallet, eligible: task.eligible, ...(tx_hash ? { tx_hash } : {}) }
    } catch (error) {
      const message = (error as Error).message
      const failedNext = await recordTaskFailure(this.activeManager_, wallet, task.version, message, eligibilityBackoffSeconds(task.attempts + 1))
      // A newer wish replaced this one meanwhile: its own attempt and retries carry on.
      const next = failedNext ?? (await nextAttemptOf(this.activeManager_, wallet))
      this.logger?.warn(`fractional: setEligible(${wallet}, ${task.eligible}) failed (attempt ${task.attempts + 1}), retried later: ${message}`)
      return { wallet, eligible: !task.eligible, error: message, ...(next ? { retry_at: new Date(next).toISOString() } : {}) }
    }
  }

  /** The retry job: every pending task whose time has come gets one more attempt. */
  async retryDue(limit = 50): Promise<number> {
    const due = await dueTaskWallets(this.activeManager_, limit)
    for (const wallet of due) await this.attempt(getAddress(wallet))
    return due.length
  }

  private get logger(): { warn(message: string): void } | undefined {
    try {
      return this.container.logger
    } catch {
      return undefined
    }
  }
}

export default EligibilityQueueService

// Each wallet's wanted eligibility on PVAShares, kept until the chain has it.
import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const eligibilityTaskTable = defineTable("fractional_eligibility_task", {
  wallet: pg.text,
  eligible: pg.bool,
  // bumped by every new wish, so an attempt for an older one cannot mark the task done
  version: pg.int4,
  status: pg.textOf<"pending" | "done">(),
  attempts: pg.int4,
  next_attempt_at: pg.timestamptz,
  // an attempt in flight holds the task until then (a crashed process lets go)
  claimed_until: pg.timestamptz.orNull,
  last_error: pg.text.orNull,
  tx_hash: pg.text.orNull,
  created_at: pg.timestamptz,
  updated_at: pg.timestamptz,
})

export type EligibilityTaskRow = RowOf<typeof eligibilityTaskTable>
export type ClaimedTask = Pick<EligibilityTaskRow, "eligible" | "version" | "attempts">

/** Replaces the wallet's wish with `eligible`, held for a first attempt for `claimSeconds`. */
export async function wishEligibility(db: SqlRunner, wallet: string, eligible: boolean, claimSeconds: number): Promise<ClaimedTask> {
  const task = await selectRow<ClaimedTask>(
    db,
    `INSERT INTO fractional_eligibility_task (wallet, eligible, claimed_until) VALUES ($1, $2, now() + make_interval(secs => $3))
     ON CONFLICT (wallet) DO UPDATE
        SET eligible = EXCLUDED.eligible, version = fractional_eligibility_task.version + 1, status = 'pending', attempts = 0,
            next_attempt_at = now(), last_error = NULL, tx_hash = NULL, claimed_until = EXCLUDED.claimed_until, updated_at = now()
     RETURNING eligible, version, attempts`,
    [wallet, eligible, claimSeconds]
  )
  return task!
}

/** Holds the wallet's pending task for an attempt, unless another attempt holds it (then null). */
export function claimTask(db: SqlRunner, wallet: string, claimSeconds: number): Promise<ClaimedTask | null> {
  return selectRow<ClaimedTask>(
    db,
    `UPDATE fractional_eligibility_task SET claimed_until = now() + make_interval(secs => $2), updated_at = now()
      WHERE wallet = $1 AND status = 'pending' AND (claimed_until IS NULL OR claimed_until < now())
      RETURNING eligible, version, attempts`,
    [wallet, claimSeconds]
  )
}

/** Marks this version of the wish done; false when a newer wish replaced it meanwhile. */
export async function markTaskDone(db: SqlRunner, wallet: string, version: number, txHash: string | null): Promise<boolean> {
  const done = await execute(
    db,
    `UPDATE fractional_eligibility_task SET status = 'done', attempts = attempts + 1, tx_hash = $3, last_error = NULL, claimed_until = NULL, updated_at = now()
      WHERE wallet = $1 AND version = $2 RETURNING wallet`,
    [wallet, version, txHash]
  )
  return done > 0
}

/** The task goes back to pending, due now (its latest wish is compared with the chain again). */
export async function taskDueAgain(db: SqlRunner, wallet: string): Promise<void> {
  await execute(db, `UPDATE fractional_eligibility_task SET status = 'pending', next_attempt_at = now(), updated_at = now() WHERE wallet = $1`, [wallet])
}

/** Records a failed attempt at this version of the wish; answers when the next one is due, or null when a newer wish replaced it. */
export async function recordTaskFailure(db: SqlRunner, wallet: string, version: number, error: string, backoffSeconds: number): Promise<Date | null> {
  const row = await selectRow<{ next_attempt_at: Date }>(
    db,
    `UPDATE fractional_eligibility_task
        SET attempts = attempts + 1, last_error = $3, claimed_until = NULL, updated_at = now(),
            next_attempt_at = now() + make_interval(secs => $4)
      WHERE wallet = $1 AND version = $2 RETURNING next_attempt_at`,
    [wallet, version, error, backoffSeconds]
  )
  return row?.next_attempt_at ?? null
}

/** When the wallet's pending task is next due, if it has one. */
export async function nextAttemptOf(db: SqlRunner, wallet: string): Promise<Date | null> {
  const row = await selectRow<{ next_attempt_at: Date }>(db, `SELECT next_attempt_at FROM fractional_eligibility_task WHERE wallet = $1 AND status = 'pending'`, [
    wallet,
  ])
  return row?.next_attempt_at ?? null
}

/** Wallets whose pending task is due and not held, the longest waiting first. */
export async function dueTaskWallets(db: SqlRunner, limit: number): Promise<string[]> {
  const rows = await selectRows<{ wallet: string }>(
    db,
    `SELECT wallet FROM fractional_eligibility_task
      WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
      ORDER BY next_attempt_at LIMIT $1`,
    [limit]
  )
  return rows.map((r) => r.wallet)
}

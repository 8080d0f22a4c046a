import { parseExpression } from "cron-parser"
import type { EntityManager } from "typeorm"

/**
 * Lets one run per firing of a schedule through, however many processes the job queue hands
 * it to: BullMQ repeatable jobs can run a late firing and the next one back to back, or the
 * same firing twice when a busy process loses its job lock. The firing a run belongs to is
 * the latest one at or before now (a little slack for a queue that fires a few ms early),
 * claimed in `scheduled_job_run`; a second run of the same firing finds it taken.
 */
const EARLY_SLACK_MS = 250

export function firingOf(schedule: string, now = new Date()): Date {
  return parseExpression(schedule, { currentDate: new Date(now.getTime() + EARLY_SLACK_MS), tz: "UTC" }).prev().toDate()
}

/** The firing claimed for this run, or null when another run already has it. */
export async function claimScheduledRun(manager: EntityManager, name: string, schedule: string, now = new Date()): Promise<Date | null> {
  const firing = firingOf(schedule, now)
  const rows = await manager.query(
    `INSERT INTO scheduled_job_run (name, fired_at) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING fired_at`,
    [name, firing]
  )
  return rows.length ? firing : null
}

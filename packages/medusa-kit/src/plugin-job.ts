import type { JobLock } from "./job-lock"
import { checkSchedule, jobLockOf, runsScheduledWork, scheduleJob, slotOf, nextSlotAfter, type SchedulingContainer } from "./scheduler"

/**
 * A plugin's periodic work, declared once and run the same way on both of Medusa's setups:
 * with Redis, Medusa's job scheduler (BullMQ) fires the plugin's `jobs/` file, which hands the
 * firing to `runClaimedFiring`; without Redis (where Medusa 1.x runs no scheduled job), the
 * plugin's loader calls `scheduleWithoutRedis`, which fires it from a timer. Either way the firing
 * is claimed in `scheduled_job_run` first, so it runs once however many processes are due.
 */
export interface PluginJob {
  /** Unique across the deployment: the claim's key and the BullMQ job's name. */
  name: string
  /** A cron expression (5 fields, or 6 with seconds first), read in UTC. */
  cron: string
  run: (container: SchedulingContainer) => Promise<unknown>
}

/** A cron job's firings are claimed in the database, Redis or not (see jobLockOf). */
function lockOf(container: SchedulingContainer, job: PluginJob): JobLock {
  return jobLockOf(container, { cron: job.cron })
}

/** Runs `job` for the firing due now unless another process has claimed it. */
export async function runClaimedFiring(container: SchedulingContainer, job: PluginJob, now = new Date()): Promise<boolean> {
  const schedule = { cron: job.cron }
  const slot = slotOf(schedule, now)
  const holdMs = Math.max(10 * 60_000, 2 * (nextSlotAfter(schedule, slot).getTime() - slot.getTime()))
  if (!(await lockOf(container, job).claim(job.name, slot, holdMs))) return false
  await job.run(container)
  return true
}

/** The `config` export of the job's `jobs/` file, for Medusa's Redis scheduler. */
export function medusaJobConfig(job: PluginJob): { name: string; schedule: string; data: Record<string, never> } {
  checkSchedule(job.name, { cron: job.cron })
  return { name: job.name, schedule: job.cron, data: {} }
}

/** The default export of the job's `jobs/` file. */
export function medusaJobHandler(job: PluginJob): (args: { container: SchedulingContainer }) => Promise<void> {
  return async ({ container }) => {
    await runClaimedFiring(container, job)
  }
}

/** From the plugin's loader: fires `job` in-process when Medusa will not (no Redis), in worker processes only. */
export function scheduleWithoutRedis(container: SchedulingContainer, job: PluginJob): (() => void) | undefined {
  const { projectConfig } = container.resolve<{ projectConfig: { redis_url?: string } }>("configModule")
  if (projectConfig.redis_url || !runsScheduledWork(container)) return undefined
  return scheduleJob({
    name: job.name,
    schedule: { cron: job.cron },
    lock: lockOf(container, job),
    logger: container.resolve("logger"),
    task: () => job.run(container),
  })
}

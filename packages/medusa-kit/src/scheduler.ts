import { parseExpression } from "cron-parser"
import { PostgresJobLock, RedisJobLock, type JobLock } from "./job-lock"
import type { SqlRunner } from "./sql-rows"

/**
 * The one scheduler for periodic work. Medusa 1.x runs scheduled jobs only on Redis and may
 * hand one firing to two processes; here every worker process arms a timer for each job, and at
 * each firing ("slot") the processes race to claim it through a JobLock (Redis when the server
 * has REDIS_URL, else a `scheduled_job_run` row in Postgres): exactly one runs it. A run never
 * overlaps the previous one in its process, an error is logged and the schedule goes on, and
 * API-only processes (MEDUSA_WORKER_MODE=server) and `medusa seed` run nothing.
 */
export type Schedule = { everyMs: number } | { dailyAtHourUtc: number } | { cron: string }

export interface ScheduledTask {
  name: string
  schedule: Schedule
  task: () => Promise<unknown>
  logger: { warn: (message: string) => void }
}

export interface ScheduledJob extends ScheduledTask {
  /** Who runs a firing when several processes are due at once. */
  lock: JobLock
}

/** A timer that fires a few ms early still belongs to the firing it was armed for. */
const EARLY_SLACK_MS = 250
/** A claim is held at least this long, however short the period. */
const MIN_HOLD_MS = 10 * 60_000

function cronOf(schedule: Exclude<Schedule, { everyMs: number }>): string {
  return "cron" in schedule ? schedule.cron : `0 ${schedule.dailyAtHourUtc} * * *`
}

/** The firing a run at `now` belongs to: the latest one at or before now. */
export function slotOf(schedule: Schedule, now = new Date()): Date {
  if ("everyMs" in schedule) {
    const t = now.getTime() + Math.min(EARLY_SLACK_MS, schedule.everyMs / 4)
    return new Date(Math.floor(t / schedule.everyMs) * schedule.everyMs)
  }
  return parseExpression(cronOf(schedule), { currentDate: new Date(now.getTime() + EARLY_SLACK_MS), tz: "UTC" }).prev().toDate()
}

/** The first firing strictly after `now`. */
export function nextSlotAfter(schedule: Schedule, now = new Date()): Date {
  if ("everyMs" in schedule) return new Date((Math.floor(now.getTime() / schedule.everyMs) + 1) * schedule.everyMs)
  return parseExpression(cronOf(schedule), { currentDate: now, tz: "UTC" }).next().toDate()
}

export function msUntilNextRun(schedule: Schedule, now = new Date()): number {
  return nextSlotAfter(schedule, now).getTime() - now.getTime()
}

/** A claim lasts two periods (and at least ten minutes): longer than any process's lateness. */
function holdOf(schedule: Schedule, slot: Date): number {
  return Math.max(MIN_HOLD_MS, 2 * (nextSlotAfter(schedule, slot).getTime() - slot.getTime()))
}

/** Throws a message naming the job when its cron expression does not parse. */
export function checkSchedule(name: string, schedule: Schedule): void {
  if ("everyMs" in schedule) {
    if (!Number.isFinite(schedule.everyMs) || schedule.everyMs <= 0) throw new Error(`${name}: the interval must be a positive number of ms, got ${schedule.everyMs}`)
    return
  }
  try {
    parseExpression(cronOf(schedule), { tz: "UTC" })
  } catch {
    throw new Error(`${name}: "${cronOf(schedule)}" is not a cron expression such as "0 3 * * *"`)
  }
}

/** True in processes that must leave periodic work to a worker. */
export function isApiOnlyProcess(): boolean {
  return process.env.MEDUSA_WORKER_MODE === "server" || process.argv.includes("seed")
}

/** Starts `task` on its schedule in this process, every firing; returns a function that stops it. */
export function runPeriodically(task: ScheduledTask): () => void {
  return scheduleJob({ ...task, lock: { claim: async () => true } })
}

/** Runs `task` at each firing of `schedule` in whichever process claims it first; returns a stop function. */
export function scheduleJob({ name, schedule, task, logger, lock }: ScheduledJob): () => void {
  checkSchedule(name, schedule)
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const arm = () => {
    if (stopped) return
    timer = setTimeout(async () => {
      try {
        const slot = slotOf(schedule)
        if (await lock.claim(name, slot, holdOf(schedule, slot))) await task()
      } catch (err) {
        logger.warn(`${name} failed: ${err instanceof Error ? err.message : String(err)}`)
      }
      arm()
    }, msUntilNextRun(schedule))
    timer.unref()
  }
  arm()
  return () => {
    stopped = true
    if (timer) clearTimeout(timer)
  }
}

/** What a Medusa container offers that the scheduler needs. */
export interface SchedulingContainer {
  resolve<T = unknown>(name: string): T
}

/**
 * The lock every process of this deployment agrees on. A cron job's firings are claimed in the
 * database (`scheduled_job_run` is also the record of what ran, which operations read); a poller
 * firing every few seconds is claimed in Redis when the deployment has it (Medusa registers its
 * client as `redisClient`), where the claim expires by itself, else in the database too.
 */
export function jobLockOf(container: SchedulingContainer, schedule: Schedule): JobLock {
  const { projectConfig } = container.resolve<{ projectConfig: { redis_url?: string } }>("configModule")
  if ("everyMs" in schedule && projectConfig.redis_url) return new RedisJobLock(container.resolve("redisClient"))
  return new PostgresJobLock(container.resolve<SqlRunner>("manager"))
}

/** True when this process should run scheduled work (not API-only, not `seed`). */
export function runsScheduledWork(container: SchedulingContainer): boolean {
  const { projectConfig } = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule")
  return projectConfig.worker_mode !== "server" && !isApiOnlyProcess()
}

/** Schedules a job in a Medusa worker process, run once per firing across the deployment. */
export function scheduleInContainer(container: SchedulingContainer, job: Omit<ScheduledJob, "lock" | "logger">): (() => void) | undefined {
  if (!runsScheduledWork(container)) return undefined
  return scheduleJob({ ...job, lock: jobLockOf(container, job.schedule), logger: container.resolve("logger") })
}

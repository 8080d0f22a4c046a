/**
 * The one in-process scheduler for periodic work. Medusa 1.x runs scheduled jobs only on
 * Redis, so on the embedded default (no Redis) a plugin's periodic task runs here instead.
 * A run never overlaps the previous one, an error is logged and the schedule goes on, and
 * API-only processes (MEDUSA_WORKER_MODE=server) and `medusa seed` run nothing.
 */
export type Schedule = { everyMs: number } | { dailyAtHourUtc: number }

export interface ScheduledTask {
  name: string
  schedule: Schedule
  task: () => Promise<unknown>
  logger: { warn: (message: string) => void }
}

export function msUntilNextRun(schedule: Schedule, now = new Date()): number {
  if ("everyMs" in schedule) return schedule.everyMs
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), schedule.dailyAtHourUtc, 0, 0, 0))
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1)
  return next.getTime() - now.getTime()
}

/** True in processes that must leave periodic work to a worker. */
export function isApiOnlyProcess(): boolean {
  return process.env.MEDUSA_WORKER_MODE === "server" || process.argv.includes("seed")
}

/** Starts `task` on its schedule in this process; returns a function that stops it. */
export function runPeriodically({ name, schedule, task, logger }: ScheduledTask): () => void {
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  const arm = () => {
    if (stopped) return
    timer = setTimeout(async () => {
      try {
        await task()
      } catch (err) {
        logger.warn(`${name} failed: ${(err as Error).message}`)
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

/**
 * Runs `task` every day at `hourUtc`:00 UTC in this process. Used when there is
 * no Redis for Medusa's scheduled jobs, so the embedded default still syncs.
 */
export function msUntilNextRun(hourUtc: number, now = new Date()): number {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hourUtc, 0, 0, 0))
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1)
  return next.getTime() - now.getTime()
}

export function scheduleDaily(hourUtc: number, task: () => Promise<unknown>, onError: (err: Error) => void): () => void {
  let timer: NodeJS.Timeout
  const arm = () => {
    timer = setTimeout(async () => {
      try {
        await task()
      } catch (err: any) {
        onError(err)
      }
      arm()
    }, msUntilNextRun(hourUtc))
    timer.unref()
  }
  arm()
  return () => clearTimeout(timer)
}

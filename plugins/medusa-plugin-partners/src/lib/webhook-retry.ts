/**
 * When to try a failed webhook delivery again. `schedule[n]` is the delay before
 * attempt n+1 (schedule[0] is the first attempt, normally immediate), so a
 * schedule of 8 entries allows 8 attempts. Delays get ±10% jitter so retries
 * from one outage do not arrive in lockstep; a receiver's Retry-After is honoured
 * when it asks for longer (capped at a day).
 */
export const MAX_RETRY_AFTER_SECONDS = 24 * 3600

export type RetryDecision = { retry: false } | { retry: true; delaySeconds: number }

export function nextRetry(opts: {
  attemptsMade: number
  schedule: number[]
  retryAfterSeconds?: number | null
  random?: () => number
}): RetryDecision {
  const { attemptsMade, schedule } = opts
  if (attemptsMade >= schedule.length) return { retry: false }
  const random = opts.random ?? Math.random
  const base = schedule[attemptsMade]
  const jittered = base * (0.9 + 0.2 * random())
  const asked = Math.min(opts.retryAfterSeconds ?? 0, MAX_RETRY_AFTER_SECONDS)
  return { retry: true, delaySeconds: Math.max(jittered, asked) }
}

/** Retry-After is either delay-seconds or an HTTP date. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value
  if (!raw) return null
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim())
  const at = Date.parse(raw)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

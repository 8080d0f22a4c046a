import { nextRetry, parseRetryAfter } from "../webhook-retry"

const SCHEDULE = [0, 5, 300, 1800, 7200, 18000, 36000, 36000]

describe("webhook retry timing", () => {
  it("follows the schedule with at most ±10% jitter, then gives up after the last attempt", () => {
    for (let made = 1; made < SCHEDULE.length; made++) {
      const low = nextRetry({ attemptsMade: made, schedule: SCHEDULE, random: () => 0 })
      const high = nextRetry({ attemptsMade: made, schedule: SCHEDULE, random: () => 1 })
      expect(low).toEqual({ retry: true, delaySeconds: SCHEDULE[made] * 0.9 })
      expect(high.retry && high.delaySeconds).toBeCloseTo(SCHEDULE[made] * 1.1, 3)
    }
    expect(nextRetry({ attemptsMade: SCHEDULE.length, schedule: SCHEDULE })).toEqual({ retry: false })
  })

  it("waits at least as long as Retry-After asks, within a day", () => {
    expect(nextRetry({ attemptsMade: 1, schedule: SCHEDULE, retryAfterSeconds: 120, random: () => 0.5 })).toEqual({ retry: true, delaySeconds: 120 })
    expect(nextRetry({ attemptsMade: 2, schedule: SCHEDULE, retryAfterSeconds: 10, random: () => 0.5 })).toEqual({ retry: true, delaySeconds: 300 })
    expect(nextRetry({ attemptsMade: 1, schedule: SCHEDULE, retryAfterSeconds: 10 ** 9, random: () => 0.5 })).toEqual({ retry: true, delaySeconds: 86400 })
  })

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2025-01-01T00:00:00Z")
    expect(parseRetryAfter("30", now)).toBe(30)
    expect(parseRetryAfter("Wed, 01 Jan 2025 00:01:00 GMT", now)).toBe(60)
    expect(parseRetryAfter("soon", now)).toBeNull()
    expect(parseRetryAfter(undefined, now)).toBeNull()
  })
})

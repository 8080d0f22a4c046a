import { msUntilNextRun, runPeriodically } from "../scheduler"

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe("a periodic task", () => {
  it("runs again and again, never two runs at once, and stops when told", async () => {
    let running = 0
    let overlapped = false
    let runs = 0
    const stop = runPeriodically({
      name: "slow task",
      schedule: { everyMs: 5 },
      task: async () => {
        running++
        overlapped ||= running > 1
        await sleep(20)
        running--
        runs++
      },
      logger: { warn: () => undefined },
    })
    // On a loaded machine timers fire late: wait for three runs rather than for a fixed time.
    for (const deadline = Date.now() + 10_000; runs < 3 && Date.now() < deadline; ) await sleep(10)
    stop()
    const runsWhenStopped = runs
    expect(runs).toBeGreaterThanOrEqual(3)
    expect(overlapped).toBe(false)
    await sleep(80)
    expect(runs).toBeLessThanOrEqual(runsWhenStopped + 1)
  })

  it("logs a failed run with its name and keeps its schedule", async () => {
    const warnings: string[] = []
    let runs = 0
    const stop = runPeriodically({
      name: "feed sync",
      schedule: { everyMs: 5 },
      task: async () => {
        runs++
        throw new Error("partner feed unreachable")
      },
      logger: { warn: (message) => warnings.push(message) },
    })
    for (const deadline = Date.now() + 10_000; runs < 2 && Date.now() < deadline; ) await sleep(10)
    stop()
    expect(runs).toBeGreaterThanOrEqual(2)
    expect(warnings[0]).toBe("feed sync failed: partner feed unreachable")
  })

  it("waits for the next occurrence of a daily hour in UTC", () => {
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T01:00:00Z"))).toBe(2 * 3600_000)
    expect(msUntilNextRun({ dailyAtHourUtc: 3 }, new Date("2025-01-01T03:00:00Z"))).toBe(24 * 3600_000)
  })
})

import { slotOf } from "../scheduler"

const firingOf = (cron: string, now: Date) => slotOf({ cron }, now).toISOString()

describe("the firing a scheduled run belongs to", () => {
  it("is the latest firing at or before now, in UTC", () => {
    expect(firingOf("0 3 * * *", new Date("2026-01-02T10:00:00Z"))).toBe("2026-01-02T03:00:00.000Z")
    expect(firingOf("0 3 * * *", new Date("2026-01-02T02:59:00Z"))).toBe("2026-01-01T03:00:00.000Z")
    expect(firingOf("*/5 * * * * *", new Date("2026-01-02T10:00:29.400Z"))).toBe("2026-01-02T10:00:25.000Z")
  })

  it("counts a queue that fires a few milliseconds early as that firing, and a late run as the one it is late for", () => {
    expect(firingOf("*/5 * * * * *", new Date("2026-01-02T10:00:29.900Z"))).toBe("2026-01-02T10:00:30.000Z")
    expect(firingOf("*/5 * * * * *", new Date("2026-01-02T10:00:30.004Z"))).toBe("2026-01-02T10:00:30.000Z")
  })

  it("is aligned to the epoch for an interval, so every process names the same firing", () => {
    expect(slotOf({ everyMs: 5_000 }, new Date("2026-01-02T10:00:07.000Z")).toISOString()).toBe("2026-01-02T10:00:05.000Z")
  })
})

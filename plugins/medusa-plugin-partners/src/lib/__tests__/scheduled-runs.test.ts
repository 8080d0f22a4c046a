import { firingOf } from "../scheduled-runs"

describe("the firing a scheduled run belongs to", () => {
  it("is the latest firing at or before now, in UTC", () => {
    expect(firingOf("0 3 * * *", new Date("2026-01-02T10:00:00Z")).toISOString()).toBe("2026-01-02T03:00:00.000Z")
    expect(firingOf("0 3 * * *", new Date("2026-01-02T02:59:00Z")).toISOString()).toBe("2026-01-01T03:00:00.000Z")
    expect(firingOf("*/5 * * * * *", new Date("2026-01-02T10:00:29.400Z")).toISOString()).toBe("2026-01-02T10:00:25.000Z")
  })

  it("counts a queue that fires a few milliseconds early as that firing, and a late run as the one it is late for", () => {
    expect(firingOf("*/5 * * * * *", new Date("2026-01-02T10:00:29.900Z")).toISOString()).toBe("2026-01-02T10:00:30.000Z")
    expect(firingOf("*/5 * * * * *", new Date("2026-01-02T10:00:30.004Z")).toISOString()).toBe("2026-01-02T10:00:30.000Z")
  })
})

import { daysOf, monthSpans, parseDashboardQuery } from "../date-range"

const NOW = new Date("2026-12-06T15:00:00Z")

describe("the dashboard's query", () => {
  it("defaults to the last 30 days up to today, all channels", () => {
    expect(parseDashboardQuery({}, NOW)).toEqual({ from: "2026-11-07", to: "2026-12-06", salesChannelId: null })
  })

  it("takes a range of whole days and a sales channel", () => {
    expect(parseDashboardQuery({ from: "2026-01-01", to: "2026-01-31", sales_channel_id: "sc_01ABC" }, NOW)).toEqual({
      from: "2026-01-01",
      to: "2026-01-31",
      salesChannelId: "sc_01ABC",
    })
  })

  it.each([
    [{ from: "yesterday" }, /from must be a date as YYYY-MM-DD/],
    [{ to: "2026-13-01" }, /to is not a calendar date/],
    [{ from: "2026-02-30", to: "2026-03-02" }, /from is not a calendar date/],
    [{ from: "2026-03-02", to: "2026-03-01" }, /is after to/],
    [{ from: "2025-01-01", to: "2026-12-01" }, /at most 400 days/],
    [{ from: ["2026-01-01", "2026-01-02"] }, /given once/],
    [{ sales_channel_id: "'; drop table" }, /sales_channel_id must be/],
  ])("refuses %j with a reason", (query, reason) => {
    expect(() => parseDashboardQuery(query, NOW)).toThrow(reason)
  })

  it("lists every day of a range, across a month's end", () => {
    expect(daysOf({ from: "2026-02-27", to: "2026-03-02" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"])
  })

  it("cuts a range into whole months and the days at either end", () => {
    expect(monthSpans({ from: "2025-12-07", to: "2026-12-06" })).toEqual({
      months: { first: "2026-01-01", end: "2026-12-01" },
      days: [{ from: "2025-12-07", to: "2025-12-31" }, { from: "2026-12-01", to: "2026-12-06" }],
    })
    expect(monthSpans({ from: "2026-02-01", to: "2026-03-31" })).toEqual({ months: { first: "2026-02-01", end: "2026-04-01" }, days: [] })
    expect(monthSpans({ from: "2026-12-05", to: "2026-12-06" })).toEqual({ months: null, days: [{ from: "2026-12-05", to: "2026-12-06" }] })
    expect(monthSpans({ from: "2026-01-15", to: "2026-02-14" })).toEqual({ months: null, days: [{ from: "2026-01-15", to: "2026-02-14" }] })
  })
})

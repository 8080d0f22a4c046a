import { daysOf, parseDashboardQuery } from "../date-range"

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
})

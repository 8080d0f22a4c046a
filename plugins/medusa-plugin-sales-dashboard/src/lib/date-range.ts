// The dashboard's query: a range of whole UTC days and an optional sales channel. Pure, so
// every refusal a merchandiser can cause is tested without a server.

/** The longest range one request may ask for: a year and a bit, so "last 12 months" always fits. */
export const MAX_RANGE_DAYS = 400
/** Without `from`/`to`, the last 30 days up to today (UTC). */
export const DEFAULT_RANGE_DAYS = 30

/** Whole UTC days, both ends included, as YYYY-MM-DD. */
export type DayRange = { from: string; to: string }

export type DashboardQuery = DayRange & { salesChannelId: string | null }

export class DashboardQueryError extends Error {}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const MS_PER_DAY = 86_400_000

function parseDay(name: string, value: string): number {
  if (!DAY.test(value)) throw new DashboardQueryError(`${name} must be a date as YYYY-MM-DD, got "${value}"`)
  const ms = Date.parse(`${value}T00:00:00Z`)
  // Date.parse rolls 2026-02-30 over to March; a date that does not survive the round trip does not exist.
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
    throw new DashboardQueryError(`${name} is not a calendar date: "${value}"`)
  }
  return ms
}

export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Every day of the range, in order. */
export function daysOf(range: DayRange): string[] {
  const days: string[] = []
  for (let ms = Date.parse(`${range.from}T00:00:00Z`), end = Date.parse(`${range.to}T00:00:00Z`); ms <= end; ms += MS_PER_DAY) {
    days.push(isoDay(ms))
  }
  return days
}

function single(name: string, value: unknown): string | undefined {
  if (value === undefined || value === "") return undefined
  if (typeof value !== "string") throw new DashboardQueryError(`${name} must be given once`)
  return value
}

/** Reads `from`, `to` and `sales_channel_id` from a query string; throws DashboardQueryError with the reason. */
export function parseDashboardQuery(query: Record<string, unknown>, now: Date = new Date()): DashboardQuery {
  const today = Date.parse(`${isoDay(now.getTime())}T00:00:00Z`)
  const fromText = single("from", query.from)
  const toText = single("to", query.to)
  const to = toText === undefined ? today : parseDay("to", toText)
  const from = fromText === undefined ? to - (DEFAULT_RANGE_DAYS - 1) * MS_PER_DAY : parseDay("from", fromText)
  if (from > to) throw new DashboardQueryError(`from (${isoDay(from)}) is after to (${isoDay(to)})`)
  const days = (to - from) / MS_PER_DAY + 1
  if (days > MAX_RANGE_DAYS) throw new DashboardQueryError(`The range is ${days} days; at most ${MAX_RANGE_DAYS} days can be shown at once`)
  const channel = single("sales_channel_id", query.sales_channel_id)
  if (channel !== undefined && !/^[A-Za-z0-9_]{1,64}$/.test(channel)) {
    throw new DashboardQueryError("sales_channel_id must be a sales channel id such as sc_01H…")
  }
  return { from: isoDay(from), to: isoDay(to), salesChannelId: channel ?? null }
}

/**
 * A range cut into the whole calendar months inside it and the days left at either end, so a
 * long range can be read from monthly sums: `months` is [first, end) as first-of-month dates.
 */
export function monthSpans(range: DayRange): { months: { first: string; end: string } | null; days: DayRange[] } {
  const from = new Date(`${range.from}T00:00:00Z`)
  const afterTo = new Date(Date.parse(`${range.to}T00:00:00Z`) + MS_PER_DAY)
  const firstFull = from.getUTCDate() === 1 ? from : new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1))
  const endFull = new Date(Date.UTC(afterTo.getUTCFullYear(), afterTo.getUTCMonth(), 1))
  if (firstFull >= endFull) return { months: null, days: [range] }
  const days: DayRange[] = []
  if (from < firstFull) days.push({ from: range.from, to: isoDay(firstFull.getTime() - MS_PER_DAY) })
  if (endFull < afterTo) days.push({ from: isoDay(endFull.getTime()), to: range.to })
  return { months: { first: isoDay(firstFull.getTime()), end: isoDay(endFull.getTime()) }, days }
}

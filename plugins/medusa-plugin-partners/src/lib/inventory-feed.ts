/**
 * Parses a partner's inventory feed: JSON (`[{sku, quantity}]`, `{items: [...]}`
 * or `{"SKU": quantity}`) or CSV with a header naming the sku and quantity columns.
 * A row that cannot be understood is reported, never guessed at. CSV is read by csv-parse
 * (RFC 4180: quoted cells may hold commas, quotes and line breaks); rows are numbered by the
 * line they start on, the header being line 1.
 */
import { parse as parseCsv } from "csv-parse/sync"

export type FeedRow = { sku: string; quantity: number }
export type BadRow = { row: number; reason: string; raw: string }
export type ParsedFeed = { rows: FeedRow[]; bad: BadRow[] }

const SKU_KEYS = ["sku", "SKU", "variant_sku"]
const QTY_KEYS = ["quantity", "qty", "stock", "inventory_quantity"]

export class FeedFormatError extends Error {}

export function parseInventoryFeed(text: string, contentType = ""): ParsedFeed {
  const trimmed = text.replace(/^\uFEFF/, "").trim()
  if (!trimmed) throw new FeedFormatError("the feed is empty")
  const looksJson = contentType.includes("json") || trimmed.startsWith("[") || trimmed.startsWith("{")
  return collect(looksJson ? jsonRecords(trimmed) : csvRecords(trimmed))
}

type RawRecord = { row: number; sku: unknown; quantity: unknown; raw: string }

function jsonRecords(text: string): RawRecord[] {
  let data: any
  try {
    data = JSON.parse(text)
  } catch (err: any) {
    throw new FeedFormatError(`the feed is not valid JSON: ${err.message}`)
  }
  const list = Array.isArray(data) ? data : Array.isArray(data?.items) ? data.items : null
  if (list) {
    return list.map((item: any, i: number) => ({
      row: i + 1,
      sku: item && typeof item === "object" ? SKU_KEYS.map((k) => item[k]).find((v) => v !== undefined) : undefined,
      quantity: item && typeof item === "object" ? QTY_KEYS.map((k) => item[k]).find((v) => v !== undefined) : undefined,
      raw: JSON.stringify(item)?.slice(0, 200) ?? String(item),
    }))
  }
  if (data && typeof data === "object") {
    return Object.entries(data).map(([sku, quantity], i) => ({ row: i + 1, sku, quantity, raw: JSON.stringify({ [sku]: quantity }).slice(0, 200) }))
  }
  throw new FeedFormatError("the JSON feed must be a list of {sku, quantity} or an object of SKU to quantity")
}

/** What csv-parse returns per record with `info` and `raw` on (its types leave these options out). */
type CsvRecord = { record: string[]; info: { lines: number }; raw: string }

function csvRecords(text: string): RawRecord[] {
  let parsed: CsvRecord[]
  try {
    // One line break kind, so that `info.lines` and `raw` below count lines alike; relax_quotes:
    // a stray quote inside an unquoted cell stays text rather than failing the whole feed.
    const options = { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true, raw: true }
    parsed = parseCsv(text.replace(/\r\n?/g, "\n"), options) as unknown as CsvRecord[]
  } catch (err: any) {
    throw new FeedFormatError(`the CSV feed cannot be read: ${err.message}`)
  }
  const [header, ...body] = parsed
  const columns = header.record.map((h) => h.trim().toLowerCase())
  const skuCol = columns.findIndex((h) => SKU_KEYS.map((k) => k.toLowerCase()).includes(h))
  const qtyCol = columns.findIndex((h) => QTY_KEYS.includes(h))
  if (skuCol < 0 || qtyCol < 0) throw new FeedFormatError("the CSV feed needs a header row with sku and quantity columns")
  const records: RawRecord[] = []
  for (const { record, info, raw } of body) {
    if (record.length === 1 && !record[0].trim()) continue
    // `raw` carries the blank lines skipped before the record; `info.lines` is the line it ends on.
    const source = raw.replace(/^\n+/, "").replace(/\n$/, "")
    const row = info.lines - (source.match(/\n/g)?.length ?? 0)
    records.push({ row, sku: record[skuCol]?.trim(), quantity: record[qtyCol]?.trim(), raw: source.slice(0, 200) })
  }
  return records
}

function collect(records: RawRecord[]): ParsedFeed {
  const rows: FeedRow[] = []
  const bad: BadRow[] = []
  const seen = new Set<string>()
  for (const r of records) {
    const sku = typeof r.sku === "string" ? r.sku.trim() : typeof r.sku === "number" ? String(r.sku) : ""
    if (!sku) {
      bad.push({ row: r.row, reason: "missing sku", raw: r.raw })
      continue
    }
    const quantity = typeof r.quantity === "number" ? r.quantity : typeof r.quantity === "string" && /^\s*-?\d+\s*$/.test(r.quantity) ? Number(r.quantity) : NaN
    if (!Number.isInteger(quantity) || quantity < 0 || quantity > 1_000_000) {
      bad.push({ row: r.row, reason: `quantity must be a whole number from 0 to 1000000`, raw: r.raw })
      continue
    }
    if (seen.has(sku)) {
      bad.push({ row: r.row, reason: `sku ${sku} appears more than once`, raw: r.raw })
      continue
    }
    seen.add(sku)
    rows.push({ sku, quantity })
  }
  return { rows, bad }
}

/**
 * Parses a partner's inventory feed: JSON (`[{sku, quantity}]`, `{items: [...]}`
 * or `{"SKU": quantity}`) or CSV with a header naming the sku and quantity columns.
 * A row that cannot be understood is reported, never guessed at.
 */
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

function csvRecords(text: string): RawRecord[] {
  const lines = text.split(/\r?\n/)
  const header = splitCsv(lines[0]).map((h) => h.trim().toLowerCase())
  const skuCol = header.findIndex((h) => SKU_KEYS.map((k) => k.toLowerCase()).includes(h))
  const qtyCol = header.findIndex((h) => QTY_KEYS.includes(h))
  if (skuCol < 0 || qtyCol < 0) throw new FeedFormatError("the CSV feed needs a header row with sku and quantity columns")
  const records: RawRecord[] = []
  lines.slice(1).forEach((line, i) => {
    if (!line.trim()) return
    const cells = splitCsv(line)
    records.push({ row: i + 2, sku: cells[skuCol]?.trim(), quantity: cells[qtyCol]?.trim(), raw: line.slice(0, 200) })
  })
  return records
}

function splitCsv(line: string): string[] {
  const cells: string[] = []
  let cell = ""
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++
      else if (c === '"') quoted = false
      else cell += c
    } else if (c === '"') quoted = true
    else if (c === ",") cells.push(cell), (cell = "")
    else cell += c
  }
  cells.push(cell)
  return cells
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

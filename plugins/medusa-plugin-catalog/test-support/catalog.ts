import { randomBytes } from "crypto"
import { query } from "@pva/test-support/database"
import { http, testSeed } from "@pva/test-support/store"

export const databaseUrl = () => process.env.PVA_TEST_DATABASE_URL as string
// Random letters, not time-based: names made a moment apart must not look alike to a typo
// search, and search engines split words at digits.
export const unique = () => Array.from(randomBytes(10), (b) => String.fromCharCode(97 + (b % 26))).join("")

export async function catalog(params: string, channel: "com" | "org" = "com") {
  const res = await http("GET", `/store/catalog?${params}`, { channel })
  if (res.status !== 200) throw new Error(`catalog ${params}: ${res.status} ${res.text}`)
  return res.json as {
    products: any[]
    count: number
    page: number
    limit: number
    currency_code: string
    region_id: string
    facets: {
      categories: Array<{ id: string; name: string; handle: string; count: number }>
      partners: Array<{ handle: string; name: string; count: number }>
      price: any[]
      in_stock: { in_stock: number; out_of_stock: number } }
  }
}

/** Polls until `ok` holds or the deadline passes; answers the last value and how long it took. */
export async function within<T>(ms: number, probe: () => Promise<T>, ok: (value: T) => boolean) {
  const started = Date.now()
  for (;;) {
    const value = await probe()
    const elapsed = Date.now() - started
    if (ok(value) || elapsed > ms) return { value, elapsed, ok: ok(value) }
    await new Promise((r) => setTimeout(r, 25))
  }
}

/** Waits until the refresher has drained every change written so far. */
export async function caughtUp(timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [row] = await query(databaseUrl(), `SELECT count(*)::int AS n FROM catalog_outbox`)
    if (row.n === 0) {
      // Meilisearch applies the mirrored rows a moment after the Postgres commit
      if (process.env.MEILISEARCH_HOST) await new Promise((r) => setTimeout(r, 1000))
      return
    }
    if (Date.now() > deadline) throw new Error(`catalog outbox still holds ${row.n} change(s)`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export async function regionId(name: string): Promise<string> {
  const [row] = await query(databaseUrl(), `SELECT id FROM region WHERE name = $1`, [name])
  return row.id
}

export async function categoryByHandle(handle: string): Promise<string> {
  const [row] = await query(databaseUrl(), `SELECT id FROM product_category WHERE handle = $1`, [handle])
  return row.id
}

export const comChannel = () => testSeed().salesChannels.com

// market_listing: each listing's state as folded from its logs, plus the moderation flag
// (`hidden`), which belongs to the store and survives every refold.
import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import type { FoldedListing, ListingKindName, StoredListingStatus } from "../lib/listing-fold"

export type ListingStatusName = StoredListingStatus | "ended"

export const marketListingTable = defineTable("market_listing", {
  market_address: pg.text,
  listing_id: pg.numeric,
  kind: pg.textOf<ListingKindName>(),
  asset_type: pg.textOf<"twin" | "shares">(),
  token_address: pg.text,
  token_id: pg.numeric,
  seller: pg.text,
  initial_quantity: pg.numeric,
  quantity: pg.numeric,
  price: pg.numeric,
  floor_price: pg.numeric.orNull,
  duration: pg.int4.orNull,
  min_increment_bps: pg.int4.orNull,
  extension_window: pg.int4.orNull,
  starts_at: pg.timestamptz,
  ends_at: pg.timestamptz.orNull,
  status: pg.textOf<StoredListingStatus>(),
  // the store's moderation flag: survives every refold
  hidden: pg.bool,
  high_bidder: pg.text.orNull,
  high_bid: pg.numeric.orNull,
  bid_count: pg.int4,
  created_at: pg.timestamptz,
  listed_tx_hash: pg.text,
  updated_at: pg.timestamptz,
})

/** A listing as the store reads it: its stored state with what the time of reading makes of it. */
export type ListingRow = Omit<RowOf<typeof marketListingTable>, "updated_at"> & {
  /** `status`, with an English auction past its end and not settled yet as `ended`. */
  effective_status: ListingStatusName
  /** What one unit (fixed, Dutch) or the lot (English: standing bid, else reserve) costs at the time of the query. */
  current_price: string
}

/**
 * The status as the store shows it: an English auction whose end has passed waits for anyone
 * to settle it, and is `ended` rather than `active` meanwhile. `$now` is the query's time.
 */
const effectiveStatus = (now: string) =>
  `CASE WHEN l.status = 'active' AND l.kind = 'english' AND l.ends_at IS NOT NULL AND l.ends_at <= ${now} THEN 'ended' ELSE l.status END`

/**
 * The price of a fixed-price listing or English auction (its standing bid, else its reserve):
 * it does not move with time, so an index keeps it in order (the price-sort migration; this
 * expression must stay exactly as the index has it).
 */
const STEADY_PRICE = `CASE WHEN l.kind = 'english' THEN COALESCE(l.high_bid, l.price) ELSE l.price END`

/** MarketListings._unitPrice of a Dutch listing at `now`: the drop rounded down. */
const dutchPrice = (now: string) => `l.price - trunc((l.price - l.floor_price)
      * LEAST(GREATEST(floor(extract(epoch FROM ${now})) - floor(extract(epoch FROM l.starts_at)), 0), l.duration) / l.duration)`

/** MarketListings._unitPrice for Dutch listings (the drop rounded down), the standing bid or reserve for English. */
const currentPrice = (now: string) => `CASE WHEN l.kind = 'dutch' THEN ${dutchPrice(now)} ELSE ${STEADY_PRICE} END`

const columns = (now: string) => `l.market_address, l.listing_id::text, l.kind, l.asset_type, l.token_address, l.token_id::text, l.seller,
  l.initial_quantity::text, l.quantity::text, l.price::text, l.floor_price::text, l.duration, l.min_increment_bps, l.extension_window,
  l.starts_at, l.ends_at, l.status, l.hidden, l.high_bidder, l.high_bid::text, l.bid_count, l.created_at, l.listed_tx_hash,
  ${effectiveStatus(now)} AS effective_status, (${currentPrice(now)})::text AS current_price`

/** Writes a listing's refolded state; `hidden` is left as it was. */
export async function saveFolded(db: SqlRunner, market: string, listingId: string, assetType: "twin" | "shares", f: FoldedListing): Promise<void> {
  await execute(
    db,
    `INSERT INTO market_listing (market_address, listing_id, kind, asset_type, token_address, token_id, seller, initial_quantity, quantity, price,
       floor_price, duration, min_increment_bps, extension_window, starts_at, ends_at, status, high_bidder, high_bid, bid_count, created_at, listed_tx_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)
     ON CONFLICT (market_address, listing_id) DO UPDATE SET
       kind = EXCLUDED.kind, asset_type = EXCLUDED.asset_type, token_address = EXCLUDED.token_address, token_id = EXCLUDED.token_id,
       seller = EXCLUDED.seller, initial_quantity = EXCLUDED.initial_quantity, quantity = EXCLUDED.quantity, price = EXCLUDED.price,
       floor_price = EXCLUDED.floor_price, duration = EXCLUDED.duration, min_increment_bps = EXCLUDED.min_increment_bps,
       extension_window = EXCLUDED.extension_window, starts_at = EXCLUDED.starts_at, ends_at = EXCLUDED.ends_at, status = EXCLUDED.status,
       high_bidder = EXCLUDED.high_bidder, high_bid = EXCLUDED.high_bid, bid_count = EXCLUDED.bid_count, created_at = EXCLUDED.created_at,
       listed_tx_hash = EXCLUDED.listed_tx_hash, updated_at = now()`,
    [
      market, listingId, f.kind, assetType, f.token_address, f.token_id, f.seller, f.initial_quantity, f.quantity, f.price,
      f.floor_price, f.duration, f.min_increment_bps, f.extension_window, f.starts_at, f.ends_at, f.status, f.high_bidder, f.high_bid,
      f.bid_count, f.created_at, f.listed_tx_hash,
    ],
  )
}

export async function deleteListing(db: SqlRunner, market: string, listingId: string): Promise<void> {
  await execute(db, `DELETE FROM market_listing WHERE market_address = $1 AND listing_id = $2`, [market, listingId])
}

/** Locks the listing's row (if any) for a refold, so two logs of one listing fold one after the other. */
export async function lockListing(db: SqlRunner, market: string, listingId: string): Promise<void> {
  await execute(db, `SELECT pg_advisory_xact_lock(hashtext($1))`, [`market_listing:${market}:${listingId}`])
}

export type ListingSort = "ending_soon" | "newest" | "price_asc" | "price_desc"

export type ListingFilter = {
  kind?: ListingKindName
  asset?: "twin" | "shares"
  status?: ListingStatusName
  minPrice?: string
  maxPrice?: string
  sellers?: string[]
  includeHidden?: boolean
  sort: ListingSort
  limit: number
  offset: number
}

// Ties are broken by listing id, so pages never overlap. Newest and ending soon follow an
// index (see the listing-query migration) and stop after the page. Price sorts merge two
// narrow queries: fixed-price and English listings in their steady price's index order (the
// price-sort migration), stopping after the page, and the Dutch listings, whose price moves
// with time, computed (a third of them) and sorted.
const ORDER: Record<ListingSort, string> = {
  ending_soon: "l.ends_at ASC NULLS LAST, l.listing_id ASC",
  newest: "l.created_at DESC, l.listing_id DESC",
  price_asc: "price_key ASC, l.listing_id ASC",
  price_desc: "price_key DESC, l.listing_id DESC",
}

/** The page's ids in order; `page` names the limit and offset parameters. A kind filter leaves one price branch. */
function pageQuery(sort: ListingSort, kind: ListingKindName | undefined, filter: string, now: string, page: { limit: string; offset: string }): string {
  if (sort !== "price_asc" && sort !== "price_desc") {
    return `SELECT l.listing_id::text FROM market_listing l WHERE ${filter} ORDER BY ${ORDER[sort]} LIMIT ${page.limit} OFFSET ${page.offset}`
  }
  const branch = (kind: string, price: string) =>
    `(SELECT l.listing_id, ${price} AS price_key FROM market_listing l WHERE ${filter} AND ${kind}
       ORDER BY ${ORDER[sort]} LIMIT ${page.limit} + ${page.offset})`
  const branches = [
    kind === "dutch" ? null : branch("l.kind <> 'dutch'", STEADY_PRICE),
    kind === undefined || kind === "dutch" ? branch("l.kind = 'dutch'", dutchPrice(now)) : null,
  ].filter((b): b is string => b !== null)
  // The merged page is ordered as each branch is (by the numeric id, not its text).
  return `SELECT l.listing_id::text AS listing_id FROM (${branches.join(" UNION ALL ")}) l
    ORDER BY ${ORDER[sort]} LIMIT ${page.limit} OFFSET ${page.offset}`
}

/** `now` names the time of reading; called only by the conditions that depend on it. */
function statusCondition(status: ListingStatusName, now: () => string): string {
  if (status === "active") return `l.status = 'active' AND NOT (l.kind = 'english' AND l.ends_at IS NOT NULL AND l.ends_at <= ${now()})`
  if (status === "ended") return `l.status = 'active' AND l.kind = 'english' AND l.ends_at <= ${now()}`
  return `l.status = '${status}'`
}

/**
 * One page of listings and the total. Three small queries rather than one wide one: the page's
 * ids in order (narrow rows, the sort's index where there is one), the total (a count), then
 * the page's rows; at 10,000 listings one statement with count(*) OVER () built every
 * filtered row in full before keeping twenty (docs/performance.md).
 */
export async function listListings(db: SqlRunner, market: string, f: ListingFilter, now: Date): Promise<{ listings: ListingRow[]; count: number }> {
  const params: unknown[] = [market]
  // The time of reading, as a parameter only when a condition or sort uses it (Postgres refuses an unused one it cannot type).
  let nowRef: string | undefined
  const NOW = () => {
    if (!nowRef) {
      params.push(now)
      nowRef = `$${params.length}::timestamptz`
    }
    return nowRef
  }
  const where = [`l.market_address = $1`]
  if (!f.includeHidden) where.push(`NOT l.hidden`)
  if (f.status) where.push(statusCondition(f.status, NOW))
  if (f.kind) {
    params.push(f.kind)
    where.push(`l.kind = $${params.length}`)
  }
  if (f.asset) {
    params.push(f.asset)
    where.push(`l.asset_type = $${params.length}`)
  }
  if (f.sellers) {
    params.push(f.sellers)
    where.push(`l.seller = ANY($${params.length})`)
  }
  if (f.minPrice !== undefined) {
    const price = currentPrice(NOW())
    params.push(f.minPrice)
    where.push(`(${price}) >= $${params.length}::numeric`)
  }
  if (f.maxPrice !== undefined) {
    const price = currentPrice(NOW())
    params.push(f.maxPrice)
    where.push(`(${price}) <= $${params.length}::numeric`)
  }
  const filter = where.join(" AND ")
  // The count reads the filter's parameters only; the page may add the time of reading (a Dutch price), then its limit and offset.
  const countParams = [...params]
  const sortNow = f.sort === "price_asc" || f.sort === "price_desc" ? NOW() : ""
  const page = pageQuery(f.sort, f.kind, filter, sortNow, { limit: `$${params.length + 1}::int`, offset: `$${params.length + 2}::int` })
  const [ids, counted] = await Promise.all([
    selectRows<{ listing_id: string }>(db, page, [...params, f.limit, f.offset]),
    selectRow<{ n: number }>(db, `SELECT count(*)::int AS n FROM market_listing l WHERE ${filter}`, countParams),
  ])
  const n = counted!.n
  if (!ids.length) return { listings: [], count: n }
  const found = await selectRows<ListingRow>(db, `SELECT ${columns("$2::timestamptz")} FROM market_listing l WHERE l.market_address = $1 AND l.listing_id = ANY($3::numeric[])`, [
    market,
    now,
    ids.map((r) => r.listing_id),
  ])
  const byId = new Map(found.map((r) => [r.listing_id, r]))
  return { listings: ids.map((r) => byId.get(r.listing_id)).filter((r): r is ListingRow => r !== undefined), count: n }
}

export function getListing(db: SqlRunner, market: string, listingId: string, now: Date): Promise<ListingRow | null> {
  return selectRow<ListingRow>(db, `SELECT ${columns("$3::timestamptz")} FROM market_listing l WHERE l.market_address = $1 AND l.listing_id = $2`, [
    market,
    listingId,
    now,
  ])
}

/** Sets the moderation flag; false when no such listing. */
export async function setHidden(db: SqlRunner, market: string, listingId: string, hidden: boolean): Promise<boolean> {
  const updated = await execute(
    db,
    `UPDATE market_listing SET hidden = $3, updated_at = now() WHERE market_address = $1 AND listing_id = $2 RETURNING listing_id::text`,
    [market, listingId, hidden],
  )
  return updated > 0
}

/** Listings counted by the status the store shows. */
export async function countsByStatus(db: SqlRunner, market: string, now: Date): Promise<Record<string, number>> {
  const found = await selectRows<{ status: string; n: number }>(
    db,
    `SELECT ${effectiveStatus("$2::timestamptz")} AS status, count(*)::int AS n FROM market_listing l WHERE l.market_address = $1 GROUP BY 1`,
    [market, now],
  )
  return Object.fromEntries(found.map((r) => [r.status, r.n]))
}

export async function hiddenCount(db: SqlRunner, market: string): Promise<number> {
  const row = await selectRow<{ n: number }>(db, `SELECT count(*)::int AS n FROM market_listing WHERE market_address = $1 AND hidden`, [market])
  return row!.n
}

/** Active English auctions with a bid whose end falls in (now, now + window]. */
export function auctionsEndingBetween(db: SqlRunner, market: string, now: Date, until: Date): Promise<ListingRow[]> {
  return selectRows(
    db,
    `SELECT ${columns("$2::timestamptz")} FROM market_listing l
      WHERE l.market_address = $1 AND l.kind = 'english' AND l.status = 'active' AND l.high_bidder IS NOT NULL
        AND l.ends_at > $2 AND l.ends_at <= $3`,
    [market, now, until],
  )
}

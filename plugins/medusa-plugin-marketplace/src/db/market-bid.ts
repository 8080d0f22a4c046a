// market_bid: the bids of English auctions, as folded from their BidPlaced logs.
import type { FoldedBid } from "../lib/listing-fold"
import { rows, type Sql } from "../lib/sql"

export type BidRow = FoldedBid & { market_address: string; listing_id: string }

/** Replaces a listing's bids with its refolded ones. */
export async function replaceBids(sql: Sql, market: string, listingId: string, bids: FoldedBid[]): Promise<void> {
  await sql.query(`DELETE FROM market_bid WHERE market_address = $1 AND listing_id = $2`, [market, listingId])
  if (!bids.length) return
  await sql.query(
    `INSERT INTO market_bid (id, market_address, listing_id, bidder, amount, placed_at, tx_hash, block_number, log_index)
     SELECT b.id, $1, $2, b.bidder, b.amount, b.placed_at, b.tx_hash, b.block_number, b.log_index
       FROM unnest($3::text[], $4::text[], $5::numeric[], $6::timestamptz[], $7::text[], $8::bigint[], $9::int[])
         AS b(id, bidder, amount, placed_at, tx_hash, block_number, log_index)`,
    [
      market,
      listingId,
      bids.map((b) => b.id),
      bids.map((b) => b.bidder),
      bids.map((b) => b.amount),
      bids.map((b) => b.placed_at),
      bids.map((b) => b.tx_hash),
      bids.map((b) => b.block_number),
      bids.map((b) => b.log_index),
    ],
  )
}

const COLUMNS = `id, market_address, listing_id::text, bidder, amount::text, placed_at, tx_hash, block_number::int AS block_number, log_index`

/** A listing's bids, newest first. */
export function bidsOf(sql: Sql, market: string, listingId: string): Promise<BidRow[]> {
  return rows(sql, `SELECT ${COLUMNS} FROM market_bid WHERE market_address = $1 AND listing_id = $2 ORDER BY block_number DESC, log_index DESC`, [market, listingId])
}

/** Bids placed from any of `bidders`, newest first. */
export function bidsBy(sql: Sql, market: string, bidders: string[], limit: number, offset: number): Promise<BidRow[]> {
  return rows(
    sql,
    `SELECT ${COLUMNS} FROM market_bid WHERE market_address = $1 AND bidder = ANY($2) ORDER BY block_number DESC, log_index DESC LIMIT $3 OFFSET $4`,
    [market, bidders, limit, offset],
  )
}

export async function countBidsBy(sql: Sql, market: string, bidders: string[]): Promise<number> {
  const [row] = await rows<{ n: number }>(sql, `SELECT count(*)::int AS n FROM market_bid WHERE market_address = $1 AND bidder = ANY($2)`, [market, bidders])
  return row.n
}

/** Everyone who bid on a listing. */
export async function biddersOf(sql: Sql, market: string, listingId: string): Promise<string[]> {
  const found = await rows<{ bidder: string }>(sql, `SELECT DISTINCT bidder FROM market_bid WHERE market_address = $1 AND listing_id = $2`, [market, listingId])
  return found.map((r) => r.bidder)
}

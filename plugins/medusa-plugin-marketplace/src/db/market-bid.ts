// market_bid: the bids of English auctions, as folded from their BidPlaced logs.
import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import type { FoldedBid } from "../lib/listing-fold"

export const marketBidTable = defineTable("market_bid", {
  // the BidPlaced log's chain sync id
  id: pg.text,
  market_address: pg.text,
  listing_id: pg.numeric,
  bidder: pg.text,
  amount: pg.numeric,
  placed_at: pg.timestamptz,
  tx_hash: pg.text,
  block_number: pg.int8,
  log_index: pg.int4,
})

/** A bid as read: block numbers fit a JS number and are read as one. */
export type BidRow = Omit<RowOf<typeof marketBidTable>, "block_number"> & { block_number: number }

/** Replaces a listing's bids with its refolded ones. */
export async function replaceBids(db: SqlRunner, market: string, listingId: string, bids: FoldedBid[]): Promise<void> {
  await execute(db, `DELETE FROM market_bid WHERE market_address = $1 AND listing_id = $2`, [market, listingId])
  if (!bids.length) return
  await execute(
    db,
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
export function bidsOf(db: SqlRunner, market: string, listingId: string): Promise<BidRow[]> {
  return selectRows(db, `SELECT ${COLUMNS} FROM market_bid WHERE market_address = $1 AND listing_id = $2 ORDER BY block_number DESC, log_index DESC`, [market, listingId])
}

/** Bids placed from any of `bidders`, newest first. */
export function bidsBy(db: SqlRunner, market: string, bidders: string[], limit: number, offset: number): Promise<BidRow[]> {
  return selectRows(
    db,
    `SELECT ${COLUMNS} FROM market_bid WHERE market_address = $1 AND bidder = ANY($2) ORDER BY block_number DESC, log_index DESC LIMIT $3 OFFSET $4`,
    [market, bidders, limit, offset],
  )
}

export async function countBidsBy(db: SqlRunner, market: string, bidders: string[]): Promise<number> {
  const row = await selectRow<{ n: number }>(db, `SELECT count(*)::int AS n FROM market_bid WHERE market_address = $1 AND bidder = ANY($2)`, [market, bidders])
  return row!.n
}

/** Everyone who bid on a listing. */
export async function biddersOf(db: SqlRunner, market: string, listingId: string): Promise<string[]> {
  const found = await selectRows<{ bidder: string }>(db, `SELECT DISTINCT bidder FROM market_bid WHERE market_address = $1 AND listing_id = $2`, [market, listingId])
  return found.map((r) => r.bidder)
}

// market_event: every PVAMarket log the read model applied, keyed by chain sync's log id. The
// listings, bids, offers and sales are folded from these rows; the activity feed reads them.
import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"

export const marketEventTable = defineTable("market_event", {
  // chain sync's log id
  id: pg.text,
  market_address: pg.text,
  event_name: pg.text,
  listing_id: pg.numeric.orNull,
  offer_id: pg.numeric.orNull,
  token_address: pg.text.orNull,
  token_id: pg.numeric.orNull,
  tx_hash: pg.text,
  block_number: pg.int8,
  log_index: pg.int4,
  occurred_at: pg.timestamptz,
  args: pg.jsonb<Record<string, unknown>>(),
})

/** An applied log as read (a MarketLog with its token): block numbers fit a JS number and are read as one. */
export type MarketEventRow = Omit<RowOf<typeof marketEventTable>, "block_number"> & { block_number: number }

const COLUMNS = `id, market_address, event_name, listing_id::text, offer_id::text, token_address, token_id::text,
  tx_hash, block_number::int AS block_number, log_index, occurred_at, args`

/** Stores a log once; false when it was there already (a redelivery). */
export async function insertEvent(db: SqlRunner, e: MarketEventRow): Promise<boolean> {
  const inserted = await execute(
    db,
    `INSERT INTO market_event (id, market_address, event_name, listing_id, offer_id, token_address, token_id, tx_hash, block_number, log_index, occurred_at, args)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [e.id, e.market_address, e.event_name, e.listing_id, e.offer_id, e.token_address, e.token_id, e.tx_hash, e.block_number, e.log_index, e.occurred_at, JSON.stringify(e.args)],
  )
  return inserted > 0
}

/** Takes a log back (a reorg orphaned it); the removed row, or null if it was never applied. */
export function deleteEvent(db: SqlRunner, id: string): Promise<MarketEventRow | null> {
  return selectRow<MarketEventRow>(db, `DELETE FROM market_event WHERE id = $1 RETURNING ${COLUMNS}`, [id])
}

export function eventsOfListing(db: SqlRunner, market: string, listingId: string): Promise<MarketEventRow[]> {
  return selectRows(db, `SELECT ${COLUMNS} FROM market_event WHERE market_address = $1 AND listing_id = $2 ORDER BY block_number, log_index`, [market, listingId])
}

export function eventsOfOffer(db: SqlRunner, market: string, offerId: string): Promise<MarketEventRow[]> {
  return selectRows(db, `SELECT ${COLUMNS} FROM market_event WHERE market_address = $1 AND offer_id = $2 ORDER BY block_number, log_index`, [market, offerId])
}

/** The sale a royalty or fee log belongs to: the last Sold / OfferAccepted before it in its transaction. */
export function saleBefore(db: SqlRunner, txHash: string, logIndex: number): Promise<{ listing_id: string | null; offer_id: string | null } | null> {
  return selectRow<{ listing_id: string | null; offer_id: string | null }>(
    db,
    `SELECT listing_id::text, offer_id::text FROM market_event
      WHERE tx_hash = $1 AND log_index < $2 AND event_name IN ('Sold', 'OfferAccepted')
      ORDER BY log_index DESC LIMIT 1`,
    [txHash, logIndex],
  )
}

/**
 * Serialises the logs of one transaction: chain sync's events reach subscribers concurrently,
 * and a royalty or fee log must see the sale it follows (or the sale must see it).
 */
export async function lockTransaction(db: SqlRunner, txHash: string): Promise<void> {
  await execute(db, `SELECT pg_advisory_xact_lock(hashtext($1))`, [`market_tx:${txHash}`])
}

/** Gives the token to a listing's or offer's logs applied before its Listed / OfferMade log arrived. */
export async function fillToken(db: SqlRunner, market: string, owner: { listingId: string | null; offerId: string | null }, token: { token_address: string; token_id: string }): Promise<void> {
  await execute(
    db,
    `UPDATE market_event SET token_address = $4, token_id = $5
      WHERE market_address = $1 AND token_id IS NULL AND (listing_id = $2 OR offer_id = $3)`,
    [market, owner.listingId, owner.offerId, token.token_address, token.token_id],
  )
}

/**
 * Hands a sale the royalty and fee logs of its transaction that were applied before it: those
 * after it and before the transaction's next sale.
 */
export async function claimPayouts(
  db: SqlRunner,
  sale: { tx_hash: string; log_index: number; listing_id: string | null; offer_id: string | null; token_address: string | null; token_id: string | null },
): Promise<void> {
  await execute(
    db,
    `UPDATE market_event SET listing_id = $3, offer_id = $4, token_address = COALESCE(token_address, $5), token_id = COALESCE(token_id, $6)
      WHERE tx_hash = $1 AND event_name IN ('RoyaltyPaid', 'FeePaid') AND listing_id IS NULL AND offer_id IS NULL AND log_index > $2
        AND log_index < COALESCE((SELECT min(log_index) FROM market_event WHERE tx_hash = $1 AND event_name IN ('Sold', 'OfferAccepted') AND log_index > $2), 2147483647)`,
    [sale.tx_hash, sale.log_index, sale.listing_id, sale.offer_id, sale.token_address, sale.token_id],
  )
}

/** The token a listing sells (its Listed log) or an offer is for (its OfferMade log). */
export function tokenOf(
  db: SqlRunner,
  market: string,
  owner: { listingId: string | null; offerId: string | null },
): Promise<{ token_address: string; token_id: string } | null> {
  return selectRow<{ token_address: string; token_id: string }>(
    db,
    `SELECT token_address, token_id::text FROM market_event
      WHERE market_address = $1 AND ((listing_id = $2 AND event_name = 'Listed') OR (offer_id = $3 AND event_name = 'OfferMade')) LIMIT 1`,
    [market, owner.listingId, owner.offerId],
  )
}

/** The platform fee and the pause, from the market's latest FeeSet and Paused / Unpaused logs. */
export async function marketState(db: SqlRunner, market: string): Promise<{ fee_bps: number | null; paused: boolean }> {
  const fee = await selectRow<{ args: Record<string, unknown> }>(
    db,
    `SELECT args FROM market_event WHERE market_address = $1 AND event_name = 'FeeSet' ORDER BY block_number DESC, log_index DESC LIMIT 1`,
    [market],
  )
  const pause = await selectRow<{ event_name: string }>(
    db,
    `SELECT event_name FROM market_event WHERE market_address = $1 AND event_name IN ('Paused', 'Unpaused') ORDER BY block_number DESC, log_index DESC LIMIT 1`,
    [market],
  )
  return { fee_bps: fee ? Number(fee.args.feeBps) : null, paused: pause?.event_name === "Paused" }
}

/** PVAMarket log names as the activity feed names them. */
export const ACTIVITY_TYPES: Record<string, string> = {
  Listed: "listed",
  PriceChanged: "price_changed",
  Cancelled: "cancelled",
  BidPlaced: "bid",
  AuctionExtended: "extended",
  AuctionSettled: "settled",
  Sold: "sold",
  OfferMade: "offer_made",
  OfferAccepted: "offer_accepted",
  OfferWithdrawn: "offer_withdrawn",
}

export type ActivityRow = MarketEventRow & {
  sale_quantity: string | null
  sale_price: string | null
  sale_buyer: string | null
  sale_seller: string | null
  royalty_amount: string | null
  fee_amount: string | null
  listing_seller: string | null
  listing_quantity: string | null
  offer_bidder: string | null
  offer_quantity: string | null
}

export async function activity(
  db: SqlRunner,
  market: string,
  filter: { tokenId?: string; contract?: string; limit: number; offset: number },
): Promise<{ rows: ActivityRow[]; count: number }> {
  const params: unknown[] = [market, Object.keys(ACTIVITY_TYPES)]
  const where = [`e.market_address = $1`, `e.event_name = ANY($2)`]
  if (filter.tokenId !== undefined) {
    params.push(filter.tokenId)
    where.push(`e.token_id = $${params.length}`)
  }
  if (filter.contract !== undefined) {
    params.push(filter.contract.toLowerCase())
    where.push(`e.token_address = $${params.length}`)
  }
  const counted = await selectRow<{ count: number }>(db, `SELECT count(*)::int AS count FROM market_event e WHERE ${where.join(" AND ")}`, params)
  const count = counted!.count
  params.push(filter.limit, filter.offset)
  const found = await selectRows<ActivityRow>(
    db,
    `SELECT e.id, e.market_address, e.event_name, e.listing_id::text, e.offer_id::text, e.token_address, e.token_id::text, e.tx_hash,
            e.block_number::int AS block_number, e.log_index, e.occurred_at, e.args,
            s.quantity::text AS sale_quantity, s.price::text AS sale_price, s.buyer AS sale_buyer, s.seller AS sale_seller,
            s.royalty_amount::text AS royalty_amount, s.fee_amount::text AS fee_amount,
            l.seller AS listing_seller, l.initial_quantity::text AS listing_quantity, o.bidder AS offer_bidder, o.quantity::text AS offer_quantity
       FROM market_event e
       LEFT JOIN market_sale s ON s.id = e.id
       LEFT JOIN market_listing l ON l.market_address = e.market_address AND l.listing_id = e.listing_id
       LEFT JOIN market_offer o ON o.market_address = e.market_address AND o.offer_id = e.offer_id
      WHERE ${where.join(" AND ")}
      ORDER BY e.block_number DESC, e.log_index DESC LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )
  return { rows: found, count }
}

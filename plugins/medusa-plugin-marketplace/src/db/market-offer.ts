// market_offer: escrowed offers, as folded from their logs. `expired` is not stored: an open
// offer past its expiry reads as expired.
import { defineTable, execute, pg, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import type { FoldedOffer, StoredOfferStatus } from "../lib/offer-fold"

export type OfferStatusName = StoredOfferStatus | "expired"

export const marketOfferTable = defineTable("market_offer", {
  market_address: pg.text,
  offer_id: pg.numeric,
  asset_type: pg.textOf<"twin" | "shares">(),
  token_address: pg.text,
  token_id: pg.numeric,
  quantity: pg.numeric,
  bidder: pg.text,
  amount: pg.numeric,
  expires_at: pg.timestamptz,
  status: pg.textOf<StoredOfferStatus>(),
  seller: pg.text.orNull,
  created_at: pg.timestamptz,
  updated_at: pg.timestamptz,
})

/** An offer as read: an open one past its expiry reads as `expired`. */
export type OfferRow = Omit<RowOf<typeof marketOfferTable>, "status" | "updated_at"> & { status: OfferStatusName }

export async function saveOffer(db: SqlRunner, market: string, offerId: string, assetType: "twin" | "shares", o: FoldedOffer): Promise<void> {
  await execute(
    db,
    `INSERT INTO market_offer (market_address, offer_id, asset_type, token_address, token_id, quantity, bidder, amount, expires_at, status, seller, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (market_address, offer_id) DO UPDATE SET asset_type = EXCLUDED.asset_type, token_address = EXCLUDED.token_address,
       token_id = EXCLUDED.token_id, quantity = EXCLUDED.quantity, bidder = EXCLUDED.bidder, amount = EXCLUDED.amount,
       expires_at = EXCLUDED.expires_at, status = EXCLUDED.status, seller = EXCLUDED.seller, created_at = EXCLUDED.created_at, updated_at = now()`,
    [market, offerId, assetType, o.token_address, o.token_id, o.quantity, o.bidder, o.amount, o.expires_at, o.status, o.seller, o.created_at],
  )
}

export async function deleteOffer(db: SqlRunner, market: string, offerId: string): Promise<void> {
  await execute(db, `DELETE FROM market_offer WHERE market_address = $1 AND offer_id = $2`, [market, offerId])
}

export async function lockOffer(db: SqlRunner, market: string, offerId: string): Promise<void> {
  await execute(db, `SELECT pg_advisory_xact_lock(hashtext($1))`, [`market_offer:${market}:${offerId}`])
}

const COLUMNS = `market_address, offer_id::text, asset_type, token_address, token_id::text, quantity::text, bidder, amount::text, expires_at,
  CASE WHEN status = 'open' AND expires_at < $2::timestamptz THEN 'expired' ELSE status END AS status, seller, created_at`

export type OfferFilter = { contract?: string; tokenId?: string; bidders?: string[]; tokens?: Array<{ contract: string; tokenId: string }>; openOnly?: boolean }

export function listOffers(db: SqlRunner, market: string, f: OfferFilter, now: Date, limit = 100): Promise<OfferRow[]> {
  const params: unknown[] = [market, now]
  const where = [`market_address = $1`]
  if (f.contract) {
    params.push(f.contract.toLowerCase())
    where.push(`token_address = $${params.length}`)
  }
  if (f.tokenId) {
    params.push(f.tokenId)
    where.push(`token_id = $${params.length}`)
  }
  if (f.bidders) {
    params.push(f.bidders)
    where.push(`bidder = ANY($${params.length})`)
  }
  if (f.tokens) {
    params.push(f.tokens.map((t) => t.contract.toLowerCase()), f.tokens.map((t) => t.tokenId))
    where.push(`(token_address, token_id) IN (SELECT * FROM unnest($${params.length - 1}::text[], $${params.length}::numeric[]))`)
  }
  if (f.openOnly) where.push(`status = 'open' AND expires_at >= $2::timestamptz`)
  params.push(limit)
  return selectRows(db, `SELECT ${COLUMNS} FROM market_offer WHERE ${where.join(" AND ")} ORDER BY amount DESC, offer_id LIMIT $${params.length}`, params)
}

/** Open offers on any of `tokens` (to find the ones a holder received). */
export function openOffersOn(db: SqlRunner, market: string, now: Date): Promise<OfferRow[]> {
  return listOffers(db, market, { openOnly: true }, now, 1000)
}

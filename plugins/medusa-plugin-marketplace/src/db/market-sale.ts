// market_sale: every completed sale (a listing bought, an auction settled, an offer accepted)
// with the royalty and the platform fee paid out of its price.
import { defineTable, execute, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import type { FoldedSale } from "../lib/listing-fold"

export const marketSaleTable = defineTable("market_sale", {
  // the Sold / AuctionSettled / OfferAccepted log's chain sync id
  id: pg.text,
  market_address: pg.text,
  listing_id: pg.numeric.orNull,
  offer_id: pg.numeric.orNull,
  asset_type: pg.textOf<"twin" | "shares">(),
  token_address: pg.text,
  token_id: pg.numeric,
  quantity: pg.numeric,
  price: pg.numeric,
  buyer: pg.text,
  seller: pg.text,
  royalty_receiver: pg.text.orNull,
  royalty_amount: pg.numeric,
  fee_amount: pg.numeric,
  tx_hash: pg.text,
  block_number: pg.int8,
  log_index: pg.int4,
  occurred_at: pg.timestamptz,
})

/** A sale as read: block numbers fit a JS number and are read as one. */
export type SaleRow = Omit<RowOf<typeof marketSaleTable>, "block_number"> & { block_number: number }

type Owner = { listingId: string } | { offerId: string }

/** Replaces the sales of one listing or offer with its refolded ones. */
export async function replaceSales(
  db: SqlRunner,
  market: string,
  owner: Owner,
  asset: { asset_type: "twin" | "shares"; token_address: string; token_id: string } | null,
  sales: FoldedSale[],
): Promise<void> {
  const [column, id] = "listingId" in owner ? ["listing_id", owner.listingId] : ["offer_id", owner.offerId]
  await execute(db, `DELETE FROM market_sale WHERE market_address = $1 AND ${column} = $2`, [market, id])
  if (!asset) return
  for (const s of sales) {
    await execute(
    db,
      `INSERT INTO market_sale (id, market_address, ${column}, asset_type, token_address, token_id, quantity, price, buyer, seller,
         royalty_receiver, royalty_amount, fee_amount, tx_hash, block_number, log_index, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        s.id, market, id, asset.asset_type, asset.token_address, asset.token_id, s.quantity, s.price, s.buyer, s.seller,
        s.royalty_receiver, s.royalty_amount, s.fee_amount, s.tx_hash, s.block_number, s.log_index, s.occurred_at,
      ],
    )
  }
}

const COLUMNS = `id, market_address, listing_id::text, offer_id::text, asset_type, token_address, token_id::text, quantity::text, price::text,
  buyer, seller, royalty_receiver, royalty_amount::text, fee_amount::text, tx_hash, block_number::int AS block_number, log_index, occurred_at`

/** The sales of one token, oldest first. */
export function salesOfToken(db: SqlRunner, market: string, contract: string, tokenId: string): Promise<SaleRow[]> {
  return selectRows(
    db,
    `SELECT ${COLUMNS} FROM market_sale WHERE market_address = $1 AND token_address = $2 AND token_id = $3 ORDER BY block_number, log_index`,
    [market, contract.toLowerCase(), tokenId],
  )
}

/** Sales in which any of `wallets` bought or sold, oldest first. */
export function salesInvolving(db: SqlRunner, market: string, wallets: string[]): Promise<SaleRow[]> {
  return selectRows(db, `SELECT ${COLUMNS} FROM market_sale WHERE market_address = $1 AND (buyer = ANY($2) OR seller = ANY($2)) ORDER BY block_number, log_index`, [
    market,
    wallets,
  ])
}

/** The latest sale price per unit of each token (what the market last paid). */
export async function lastUnitPrices(db: SqlRunner, market: string, tokens: Array<{ contract: string; tokenId: string }>): Promise<Map<string, string>> {
  if (!tokens.length) return new Map()
  const found = await selectRows<{ token_address: string; token_id: string; unit_price: string }>(
    db,
    `SELECT DISTINCT ON (token_address, token_id) token_address, token_id::text, trunc(price / quantity)::text AS unit_price
       FROM market_sale WHERE market_address = $1 AND (token_address, token_id) IN (SELECT * FROM unnest($2::text[], $3::numeric[]))
      ORDER BY token_address, token_id, block_number DESC, log_index DESC`,
    [market, tokens.map((t) => t.contract.toLowerCase()), tokens.map((t) => t.tokenId)],
  )
  return new Map(found.map((r) => [`${r.token_address}:${r.token_id}`, r.unit_price]))
}

export async function totals(db: SqlRunner, market: string): Promise<{ sales: number; volume: string; royalties: string; fees: string }> {
  const row = await selectRow<{ sales: number; volume: string; royalties: string; fees: string }>(
    db,
    `SELECT count(*)::int AS sales, COALESCE(sum(price), 0)::text AS volume, COALESCE(sum(royalty_amount), 0)::text AS royalties,
            COALESCE(sum(fee_amount), 0)::text AS fees
       FROM market_sale WHERE market_address = $1`,
    [market],
  )
  return row!
}

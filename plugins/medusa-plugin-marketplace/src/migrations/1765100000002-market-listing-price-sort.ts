import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The store's price sorts at 10,000 listings (bench/listings.bench.ts): fixed-price listings and
 * English auctions in the order of their price (the standing bid, else the reserve), which does
 * not move with time, so a page of them is read in index order and the scan stops after it.
 * Dutch prices move with time and are computed (src/db/market-listing.ts). The expression is
 * the one the query sorts by, to the letter.
 */
export class MarketListingPriceSort1765100000002 implements MigrationInterface {
  name = "MarketListingPriceSort1765100000002"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS "IDX_market_listing_steady_price" ON "market_listing"
        ("market_address", (CASE WHEN "kind" = 'english' THEN COALESCE("high_bid", "price") ELSE "price" END), "listing_id")
        WHERE NOT "hidden" AND "kind" <> 'dutch';
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_market_listing_steady_price"`)
  }
}

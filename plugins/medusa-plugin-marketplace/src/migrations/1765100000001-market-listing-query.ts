import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The store's listing query at 10,000 listings (bench/listings.bench.ts): the newest and
 * ending-soon pages read these indexes in order and stop after the page; filters by status and
 * kind narrow the rest. Visible (not hidden) listings only: the storefront never reads others.
 */
export class MarketListingQuery1765100000001 implements MigrationInterface {
  name = "MarketListingQuery1765100000001"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS "IDX_market_listing_newest" ON "market_listing" ("market_address", "created_at" DESC, "listing_id" DESC) WHERE NOT "hidden";
      CREATE INDEX IF NOT EXISTS "IDX_market_listing_ending" ON "market_listing" ("market_address", "ends_at", "listing_id") WHERE NOT "hidden" AND "status" = 'active';
      CREATE INDEX IF NOT EXISTS "IDX_market_listing_status_kind" ON "market_listing" ("market_address", "status", "kind") WHERE NOT "hidden";
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS "IDX_market_listing_newest";
      DROP INDEX IF EXISTS "IDX_market_listing_ending";
      DROP INDEX IF EXISTS "IDX_market_listing_status_kind";
    `)
  }
}

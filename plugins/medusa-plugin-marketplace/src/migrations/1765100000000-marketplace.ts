import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The PVAMarket read model. `market_event` holds every applied log (keyed by chain sync's log
 * id); listings, bids, offers and sales are refolded from it, so a log removed by a reorg
 * leaves nothing behind. Everything is keyed by the market's address too: a development
 * chain is redeployed while the database stays.
 */
export class Marketplace1765100000000 implements MigrationInterface {
  name = "Marketplace1765100000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "market_event" (
        "id" text PRIMARY KEY,
        "market_address" text NOT NULL,
        "event_name" text NOT NULL,
        "listing_id" numeric(78, 0),
        "offer_id" numeric(78, 0),
        "token_address" text,
        "token_id" numeric(78, 0),
        "tx_hash" text NOT NULL,
        "block_number" bigint NOT NULL,
        "log_index" integer NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "args" jsonb NOT NULL
      );
      CREATE INDEX IF NOT EXISTS "IDX_market_event_listing" ON "market_event" ("market_address", "listing_id") WHERE "listing_id" IS NOT NULL;
      CREATE INDEX IF NOT EXISTS "IDX_market_event_offer" ON "market_event" ("market_address", "offer_id") WHERE "offer_id" IS NOT NULL;
      CREATE INDEX IF NOT EXISTS "IDX_market_event_token" ON "market_event" ("market_address", "token_id", "block_number" DESC, "log_index" DESC);
      CREATE INDEX IF NOT EXISTS "IDX_market_event_order" ON "market_event" ("market_address", "block_number" DESC, "log_index" DESC);
      CREATE INDEX IF NOT EXISTS "IDX_market_event_tx" ON "market_event" ("tx_hash");

      CREATE TABLE IF NOT EXISTS "market_listing" (
        "market_address" text NOT NULL,
        "listing_id" numeric(78, 0) NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('fixed', 'english', 'dutch')),
        "asset_type" text NOT NULL CHECK ("asset_type" IN ('twin', 'shares')),
        "token_address" text NOT NULL,
        "token_id" numeric(78, 0) NOT NULL,
        "seller" text NOT NULL,
        "initial_quantity" numeric(78, 0) NOT NULL,
        "quantity" numeric(78, 0) NOT NULL,
        "price" numeric(78, 0) NOT NULL,
        "floor_price" numeric(78, 0),
        "duration" integer,
        "min_increment_bps" integer,
        "extension_window" integer,
        "starts_at" timestamptz NOT NULL,
        "ends_at" timestamptz,
        "status" text NOT NULL CHECK ("status" IN ('active', 'sold', 'cancelled', 'invalid')),
        "hidden" boolean NOT NULL DEFAULT false,
        "high_bidder" text,
        "high_bid" numeric(78, 0),
        "bid_count" integer NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL,
        "listed_tx_hash" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("market_address", "listing_id")
      );
      CREATE INDEX IF NOT EXISTS "IDX_market_listing_seller" ON "market_listing" ("seller");
      CREATE INDEX IF NOT EXISTS "IDX_market_listing_token" ON "market_listing" ("market_address", "token_address", "token_id");

      CREATE TABLE IF NOT EXISTS "market_bid" (
        "id" text PRIMARY KEY,
        "market_address" text NOT NULL,
        "listing_id" numeric(78, 0) NOT NULL,
        "bidder" text NOT NULL,
        "amount" numeric(78, 0) NOT NULL,
        "placed_at" timestamptz NOT NULL,
        "tx_hash" text NOT NULL,
        "block_number" bigint NOT NULL,
        "log_index" integer NOT NULL
      );
      CREATE INDEX IF NOT EXISTS "IDX_market_bid_listing" ON "market_bid" ("market_address", "listing_id", "block_number", "log_index");
      CREATE INDEX IF NOT EXISTS "IDX_market_bid_bidder" ON "market_bid" ("bidder");

      CREATE TABLE IF NOT EXISTS "market_offer" (
        "market_address" text NOT NULL,
        "offer_id" numeric(78, 0) NOT NULL,
        "asset_type" text NOT NULL CHECK ("asset_type" IN ('twin', 'shares')),
        "token_address" text NOT NULL,
        "token_id" numeric(78, 0) NOT NULL,
        "quantity" numeric(78, 0) NOT NULL,
        "bidder" text NOT NULL,
        "amount" numeric(78, 0) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "status" text NOT NULL CHECK ("status" IN ('open', 'accepted', 'withdrawn')),
        "seller" text,
        "created_at" timestamptz NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("market_address", "offer_id")
      );
      CREATE INDEX IF NOT EXISTS "IDX_market_offer_token" ON "market_offer" ("market_address", "token_address", "token_id");
      CREATE INDEX IF NOT EXISTS "IDX_market_offer_bidder" ON "market_offer" ("bidder");

      CREATE TABLE IF NOT EXISTS "market_sale" (
        "id" text PRIMARY KEY,
        "market_address" text NOT NULL,
        "listing_id" numeric(78, 0),
        "offer_id" numeric(78, 0),
        "asset_type" text NOT NULL CHECK ("asset_type" IN ('twin', 'shares')),
        "token_address" text NOT NULL,
        "token_id" numeric(78, 0) NOT NULL,
        "quantity" numeric(78, 0) NOT NULL,
        "price" numeric(78, 0) NOT NULL,
        "buyer" text NOT NULL,
        "seller" text NOT NULL,
        "royalty_receiver" text,
        "royalty_amount" numeric(78, 0) NOT NULL DEFAULT 0,
        "fee_amount" numeric(78, 0) NOT NULL DEFAULT 0,
        "tx_hash" text NOT NULL,
        "block_number" bigint NOT NULL,
        "log_index" integer NOT NULL,
        "occurred_at" timestamptz NOT NULL
      );
      CREATE INDEX IF NOT EXISTS "IDX_market_sale_token" ON "market_sale" ("market_address", "token_address", "token_id");
      CREATE INDEX IF NOT EXISTS "IDX_market_sale_buyer" ON "market_sale" ("buyer");
      CREATE INDEX IF NOT EXISTS "IDX_market_sale_seller" ON "market_sale" ("seller");
      CREATE INDEX IF NOT EXISTS "IDX_market_sale_listing" ON "market_sale" ("market_address", "listing_id");
      CREATE INDEX IF NOT EXISTS "IDX_market_sale_offer" ON "market_sale" ("market_address", "offer_id");

      CREATE TABLE IF NOT EXISTS "market_notification" (
        "key" text PRIMARY KEY,
        "sent_at" timestamptz NOT NULL DEFAULT now()
      );
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS "market_notification";
      DROP TABLE IF EXISTS "market_sale";
      DROP TABLE IF EXISTS "market_offer";
      DROP TABLE IF EXISTS "market_bid";
      DROP TABLE IF EXISTS "market_listing";
      DROP TABLE IF EXISTS "market_event";
    `)
  }
}

import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Offerings, the share reservations that keep the store from ever selling more shares
 * than an offering has (a CHECK, not a read-then-write), KYC applications with every
 * decision kept, and the mirror of on-chain share balances chain sync maintains.
 */
export class Fractional1764500000000 implements MigrationInterface {
  name = "Fractional1764500000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- PVAShares offering ids are chosen by the issuer and never reused on a chain
      CREATE SEQUENCE IF NOT EXISTS "fractional_chain_offering_id_seq";

      CREATE TABLE IF NOT EXISTS "fractional_offering" (
        "id" text PRIMARY KEY,
        "title" text NOT NULL,
        "artifact_product_id" text REFERENCES "product" ("id") ON DELETE SET NULL,
        "twin_token_id" numeric(78, 0),
        "product_id" text REFERENCES "product" ("id") ON DELETE SET NULL,
        "variant_id" text UNIQUE REFERENCES "product_variant" ("id") ON DELETE SET NULL,
        "total_shares" int NOT NULL CHECK ("total_shares" BETWEEN 10 AND 10000),
        "price_usd" int NOT NULL CHECK ("price_usd" > 0),
        "price_eur" int NOT NULL CHECK ("price_eur" > 0),
        "investor_cap" int CHECK ("investor_cap" > 0),
        "lockup_until" timestamptz,
        "status" text NOT NULL DEFAULT 'draft' CHECK ("status" IN ('draft', 'open', 'closed', 'sold_out')),
        "chain_offering_id" numeric(78, 0) UNIQUE,
        "open_tx_hash" text,
        "open_error" text,
        "opened_at" timestamptz,
        "sold" int NOT NULL DEFAULT 0,
        "reserved" int NOT NULL DEFAULT 0,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "CHK_fractional_offering_never_oversold"
          CHECK ("sold" >= 0 AND "reserved" >= 0 AND "sold" + "reserved" <= "total_shares")
      );

      CREATE TABLE IF NOT EXISTS "fractional_share_reservation" (
        "id" text PRIMARY KEY,
        "offering_id" text NOT NULL REFERENCES "fractional_offering" ("id"),
        -- the mint's idempotency key: one reservation, one mint per order line
        "line_item_id" text NOT NULL UNIQUE,
        "cart_id" text,
        "order_id" text,
        "customer_id" text NOT NULL,
        "wallet" text NOT NULL,
        "quantity" int NOT NULL CHECK ("quantity" > 0),
        "status" text NOT NULL DEFAULT 'reserved' CHECK ("status" IN ('reserved', 'minting', 'confirmed', 'released')),
        "mint_tx_hash" text UNIQUE,
        "error" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_fractional_reservation_customer" ON "fractional_share_reservation" ("customer_id", "offering_id") WHERE "status" <> 'released';
      CREATE INDEX IF NOT EXISTS "IDX_fractional_reservation_order" ON "fractional_share_reservation" ("order_id");

      CREATE TABLE IF NOT EXISTS "fractional_kyc_application" (
        "id" text PRIMARY KEY,
        "customer_id" text NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
        "legal_name" text NOT NULL,
        "country_code" char(2) NOT NULL,
        "date_of_birth" date NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected')),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_fractional_kyc_customer" ON "fractional_kyc_application" ("customer_id", "created_at" DESC);
      -- at most one application under review per customer
      CREATE UNIQUE INDEX IF NOT EXISTS "IDX_fractional_kyc_one_pending" ON "fractional_kyc_application" ("customer_id") WHERE "status" = 'pending';

      CREATE TABLE IF NOT EXISTS "fractional_kyc_decision" (
        "id" text PRIMARY KEY,
        "application_id" text NOT NULL REFERENCES "fractional_kyc_application" ("id") ON DELETE CASCADE,
        "decision" text NOT NULL CHECK ("decision" IN ('approved', 'rejected', 'revoked')),
        "note" text NOT NULL,
        "decided_by" text NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_fractional_kyc_decision_application" ON "fractional_kyc_decision" ("application_id", "created_at");

      -- balances as chain sync reports them; the chain owns them, the store mirrors them
      CREATE TABLE IF NOT EXISTS "fractional_share_holding" (
        "chain_offering_id" numeric(78, 0) NOT NULL,
        "wallet" text NOT NULL,
        "balance" numeric(78, 0) NOT NULL DEFAULT 0,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("chain_offering_id", "wallet")
      );

      -- every TransferSingle applied to the mirror, so a repeat delivery counts once and a
      -- removed (reorged) log is undone exactly once
      CREATE TABLE IF NOT EXISTS "fractional_applied_transfer" (
        "log_id" text PRIMARY KEY,
        "tx_hash" text NOT NULL,
        "chain_offering_id" numeric(78, 0) NOT NULL,
        "from_wallet" text NOT NULL,
        "to_wallet" text NOT NULL,
        "value" numeric(78, 0) NOT NULL,
        "block_number" bigint NOT NULL,
        "applied_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_fractional_applied_transfer_tx" ON "fractional_applied_transfer" ("tx_hash");
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS "fractional_applied_transfer";
      DROP TABLE IF EXISTS "fractional_share_holding";
      DROP TABLE IF EXISTS "fractional_kyc_decision";
      DROP TABLE IF EXISTS "fractional_kyc_application";
      DROP TABLE IF EXISTS "fractional_share_reservation";
      DROP TABLE IF EXISTS "fractional_offering";
      DROP SEQUENCE IF EXISTS "fractional_chain_offering_id_seq";
    `)
  }
}

import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Twins of sold pieces, their claim codes (hashes only), the content-addressed store behind
 * /ipfs/:cid, the provenance timeline, and wallets linked to customers with SIWE nonces.
 */
export class DigitalTwin1764400000000 implements MigrationInterface {
  name = "DigitalTwin1764400000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE SEQUENCE IF NOT EXISTS "digital_twin_token_id_seq" START 1;

      CREATE TABLE IF NOT EXISTS "digital_twin" (
        "id" text PRIMARY KEY,
        "token_id" bigint NOT NULL UNIQUE DEFAULT nextval('digital_twin_token_id_seq'),
        "tag_id" text NOT NULL UNIQUE,
        "product_id" text,
        "variant_id" text,
        "order_id" text,
        "line_item_id" text,
        "unit_index" int NOT NULL DEFAULT 0,
        "customer_id" text,
        "title" text NOT NULL,
        "metadata_cid" text NOT NULL,
        "metadata_digest" text NOT NULL,
        "image_cid" text NOT NULL,
        "status" text NOT NULL DEFAULT 'issued' CHECK ("status" IN ('issued', 'bound', 'submitted', 'minted')),
        "claim_wallet" text,
        "owner_address" text,
        "voucher_deadline" bigint,
        "voucher_signature" text,
        "relay_tx_hash" text,
        "mint_tx_hash" text,
        "mint_block" bigint,
        "pinned_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        UNIQUE ("line_item_id", "unit_index")
      );
      CREATE INDEX IF NOT EXISTS "IDX_digital_twin_customer" ON "digital_twin" ("customer_id");
      CREATE INDEX IF NOT EXISTS "IDX_digital_twin_order" ON "digital_twin" ("order_id");
      CREATE INDEX IF NOT EXISTS "IDX_digital_twin_status" ON "digital_twin" ("status", "token_id");

      CREATE TABLE IF NOT EXISTS "digital_twin_claim_code" (
        "id" text PRIMARY KEY,
        "twin_id" text NOT NULL REFERENCES "digital_twin" ("id") ON DELETE CASCADE,
        "code_hash" text NOT NULL UNIQUE,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now()
      );
      -- one live code per twin: re-sending revokes the old one in the same transaction
      CREATE UNIQUE INDEX IF NOT EXISTS "IDX_digital_twin_claim_code_live" ON "digital_twin_claim_code" ("twin_id") WHERE "revoked_at" IS NULL;

      CREATE TABLE IF NOT EXISTS "digital_twin_event" (
        "id" bigserial PRIMARY KEY,
        "twin_id" text NOT NULL REFERENCES "digital_twin" ("id") ON DELETE CASCADE,
        "kind" text NOT NULL CHECK ("kind" IN ('created', 'sold', 'claim_issued', 'minted', 'transferred', 'attested')),
        "from_address" text,
        "to_address" text,
        "tx_hash" text,
        "block_number" bigint,
        "log_index" int,
        -- chain sync's stable id: a chain log is applied once however often it is delivered
        "chain_log_id" text UNIQUE,
        "data" jsonb NOT NULL DEFAULT '{}',
        "occurred_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_digital_twin_event_twin" ON "digital_twin_event" ("twin_id", "occurred_at", "id");

      CREATE TABLE IF NOT EXISTS "content_block" (
        "cid" text PRIMARY KEY,
        "content_type" text NOT NULL,
        "bytes" bytea NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE IF NOT EXISTS "customer_wallet" (
        "address" text PRIMARY KEY CHECK ("address" ~ '^0x[0-9a-f]{40}$'),
        "customer_id" text NOT NULL REFERENCES "customer" ("id") ON DELETE CASCADE,
        "chain_id" int NOT NULL,
        "linked_at" timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX IF NOT EXISTS "IDX_customer_wallet_customer" ON "customer_wallet" ("customer_id");

      CREATE TABLE IF NOT EXISTS "wallet_nonce" (
        "nonce" text PRIMARY KEY,
        "expires_at" timestamptz NOT NULL
      );

      CREATE TABLE IF NOT EXISTS "digital_twin_chain_state" (
        "chain_id" int PRIMARY KEY,
        "contract_address" text NOT NULL,
        -- hash of the deployment block: a restarted local chain has a different one
        "deployment_block_hash" text NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now()
      );
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE IF EXISTS "digital_twin_chain_state";
      DROP TABLE IF EXISTS "wallet_nonce";
      DROP TABLE IF EXISTS "customer_wallet";
      DROP TABLE IF EXISTS "content_block";
      DROP TABLE IF EXISTS "digital_twin_event";
      DROP TABLE IF EXISTS "digital_twin_claim_code";
      DROP TABLE IF EXISTS "digital_twin";
      DROP SEQUENCE IF EXISTS "digital_twin_token_id_seq";
    `)
  }
}

import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * Partners, the products they supply, and the automation around them: the
 * webhook outbox (written in the same transaction as the order it reports),
 * its attempt log, low-stock alert state and feed sync reports. (The server's email
 * outbox was created here too before this became a plugin; the server's own
 * EmailOutbox1764100000001 migration creates it now, and finds it on older databases.)
 *
 * `product.partner_id` and `product.reorder_point` are plain columns rather than
 * fields of an extended Product entity: Medusa's product service never writes
 * them, so their database defaults hold for every product however it is created,
 * and only the partner and stock services (raw SQL) read or change them.
 */
export class Partners1764100000000 implements MigrationInterface {
  name = "Partners1764100000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "partner" (
        "id" text PRIMARY KEY,
        "name" text NOT NULL,
        "handle" text NOT NULL,
        "country" text NOT NULL,
        "country_code" text,
        "story" text,
        "contact_email" text,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'approved', 'rejected')),
        "payout_account_ref" text,
        "webhook_url" text,
        "webhook_secrets" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "webhook_disabled_at" timestamptz,
        "webhook_disabled_reason" text,
        "inventory_feed_url" text,
        "is_active" boolean NOT NULL DEFAULT true,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_partner_handle" ON "partner" ("handle")`)

    await queryRunner.query(`ALTER TABLE "product" ADD COLUMN IF NOT EXISTS "partner_id" text REFERENCES "partner"("id") ON DELETE SET NULL`)
    await queryRunner.query(`ALTER TABLE "product" ADD COLUMN IF NOT EXISTS "reorder_point" integer NOT NULL DEFAULT 10 CHECK ("reorder_point" >= 0)`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_product_partner_id" ON "product" ("partner_id")`)

    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "webhook_delivery" (
        "id" text PRIMARY KEY,
        "partner_id" text NOT NULL REFERENCES "partner"("id") ON DELETE CASCADE,
        "event_type" text NOT NULL,
        "order_id" text,
        "body" text NOT NULL,
        "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending', 'delivered', 'dead')),
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "lease_until" timestamptz,
        "last_status" integer,
        "last_error" text,
        "delivered_at" timestamptz,
        "dead_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_due" ON "webhook_delivery" ("next_attempt_at") WHERE "status" = 'pending'`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_webhook_delivery_partner" ON "webhook_delivery" ("partner_id", "created_at")`)
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "webhook_attempt" (
        "id" bigserial PRIMARY KEY,
        "delivery_id" text NOT NULL REFERENCES "webhook_delivery"("id") ON DELETE CASCADE,
        "attempt" integer NOT NULL,
        "url" text,
        "response_status" integer,
        "response_body" text,
        "error" text,
        "duration_ms" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_webhook_attempt_delivery" ON "webhook_attempt" ("delivery_id", "id")`)

    // A row means "this variant is at or below its reorder point and has been alerted";
    // it is removed when stock rises above the point, which re-arms the alert.
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "stock_alert" (
        "variant_id" text PRIMARY KEY REFERENCES "product_variant"("id") ON DELETE CASCADE,
        "quantity" integer NOT NULL,
        "reorder_point" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`)

    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "partner_feed_sync" (
        "id" bigserial PRIMARY KEY,
        "partner_id" text NOT NULL REFERENCES "partner"("id") ON DELETE CASCADE,
        "status" text NOT NULL CHECK ("status" IN ('ok', 'failed')),
        "trigger" text NOT NULL,
        "updated" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "unchanged" integer NOT NULL DEFAULT 0,
        "unknown_skus" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "bad_rows" jsonb NOT NULL DEFAULT '[]'::jsonb,
        "error" text,
        "started_at" timestamptz NOT NULL,
        "finished_at" timestamptz NOT NULL DEFAULT now()
      )`)
    await queryRunner.query(`CREATE INDEX IF NOT EXISTS "IDX_partner_feed_sync_partner" ON "partner_feed_sync" ("partner_id", "id")`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE IF EXISTS "partner_feed_sync"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "stock_alert"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "webhook_attempt"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "webhook_delivery"`)
    await queryRunner.query(`ALTER TABLE "product" DROP COLUMN IF EXISTS "reorder_point"`)
    await queryRunner.query(`ALTER TABLE "product" DROP COLUMN IF EXISTS "partner_id"`)
    await queryRunner.query(`DROP TABLE IF EXISTS "partner"`)
  }
}

import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The per-investor cap counts what a customer bought or holds in any wallet they have linked,
 * now or before, so every wallet a customer links is remembered (wallet unlinking deletes the
 * link itself). Share products get their per-line limit: all the offering's shares (the cap is judged apart).
 */
export class CapPerCustomer1764800000000 implements MigrationInterface {
  name = "CapPerCustomer1764800000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "fractional_customer_wallet" (
        "customer_id" text NOT NULL,
        -- lower case, as fractional_share_holding keeps wallets
        "wallet" text NOT NULL,
        "first_seen_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("customer_id", "wallet")
      );
      CREATE INDEX IF NOT EXISTS "IDX_fractional_customer_wallet_wallet" ON "fractional_customer_wallet" ("wallet");

      INSERT INTO "fractional_customer_wallet" ("customer_id", "wallet")
      SELECT DISTINCT "customer_id", lower("wallet") FROM "fractional_share_reservation"
      ON CONFLICT DO NOTHING;

      UPDATE "product" p
         SET "metadata" = COALESCE(p."metadata", '{}'::jsonb) || jsonb_build_object('max_quantity_per_line', o."total_shares")
        FROM "fractional_offering" o
       WHERE o."product_id" = p."id";
    `)
    // Wallets linked now (the digital-twin plugin's table, when it is installed).
    const [{ exists }] = await queryRunner.query(`SELECT to_regclass('public.customer_wallet') IS NOT NULL AS exists`)
    if (exists) {
      await queryRunner.query(`
        INSERT INTO "fractional_customer_wallet" ("customer_id", "wallet")
        SELECT "customer_id", lower("address") FROM "customer_wallet"
        ON CONFLICT DO NOTHING
      `)
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE "product" SET "metadata" = "metadata" - 'max_quantity_per_line'
       WHERE "id" IN (SELECT "product_id" FROM "fractional_offering" WHERE "product_id" IS NOT NULL);
      DROP TABLE IF EXISTS "fractional_customer_wallet";
    `)
  }
}

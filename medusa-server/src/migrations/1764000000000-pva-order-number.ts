import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * PVA order numbers (`PVA-YYYYMMDD-000001`) drawn from a sequence in the INSERT
 * itself, and a stock floor the database enforces even if application code races.
 */
export class PvaOrderNumber1764000000000 implements MigrationInterface {
  name = "PvaOrderNumber1764000000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE IF NOT EXISTS pva_order_number_seq START 1`)
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION pva_next_order_number() RETURNS text LANGUAGE sql VOLATILE AS $$
        SELECT 'PVA-' || to_char(now() AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' ||
               lpad(n::text, greatest(6, length(n::text)), '0')
        FROM (SELECT nextval('pva_order_number_seq') AS n) s
      $$`)
    await queryRunner.query(`ALTER TABLE "order" ADD COLUMN IF NOT EXISTS "pva_number" text`)
    await queryRunner.query(`
      UPDATE "order" o SET pva_number = numbered.pva
      FROM (
        SELECT id, 'PVA-' || to_char(created_at AT TIME ZONE 'UTC', 'YYYYMMDD') || '-' ||
               lpad(nextval('pva_order_number_seq')::text, 6, '0') AS pva
        FROM "order" WHERE pva_number IS NULL ORDER BY created_at
      ) numbered
      WHERE o.id = numbered.id`)
    await queryRunner.query(`ALTER TABLE "order" ALTER COLUMN "pva_number" SET DEFAULT pva_next_order_number()`)
    await queryRunner.query(`ALTER TABLE "order" ALTER COLUMN "pva_number" SET NOT NULL`)
    await queryRunner.query(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_order_pva_number" ON "order" ("pva_number")`)

    await queryRunner.query(`
      ALTER TABLE "product_variant" ADD CONSTRAINT "CHK_product_variant_stock_floor"
      CHECK (inventory_quantity >= 0 OR allow_backorder OR NOT manage_inventory) NOT VALID`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "product_variant" DROP CONSTRAINT IF EXISTS "CHK_product_variant_stock_floor"`)
    await queryRunner.query(`DROP INDEX IF EXISTS "IDX_order_pva_number"`)
    await queryRunner.query(`ALTER TABLE "order" DROP COLUMN IF EXISTS "pva_number"`)
    await queryRunner.query(`DROP FUNCTION IF EXISTS pva_next_order_number()`)
    await queryRunner.query(`DROP SEQUENCE IF EXISTS pva_order_number_seq`)
  }
}

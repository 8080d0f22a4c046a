import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The sales dashboard's read model: daily rollups of orders, products and carts per sales
 * channel and currency, refreshed incrementally from a watermark (see db/sales-rollup.ts);
 * the daily product-view counter the funnel reads; and the indexes on Medusa's own tables
 * that let a refresh find what changed since the watermark without scanning a year.
 */
export class SalesDashboard1765200000000 implements MigrationInterface {
  name = "SalesDashboard1765200000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "sales_dashboard_day" (
        "day" date NOT NULL,
        "sales_channel_id" text NOT NULL,
        "currency_code" text NOT NULL,
        "orders" int NOT NULL,
        "canceled" int NOT NULL,
        "gross" bigint NOT NULL,
        "refunded" bigint NOT NULL,
        PRIMARY KEY ("day", "sales_channel_id", "currency_code")
      );
      CREATE TABLE IF NOT EXISTS "sales_dashboard_product_day" (
        "day" date NOT NULL,
        "sales_channel_id" text NOT NULL,
        "currency_code" text NOT NULL,
        "product_id" text NOT NULL,
        "units" int NOT NULL,
        "revenue" bigint NOT NULL,
        PRIMARY KEY ("day", "sales_channel_id", "currency_code", "product_id")
      );
      -- The product rollup summed per month, so a year's top products read ~12 rows per product, not ~365.
      CREATE TABLE IF NOT EXISTS "sales_dashboard_product_month" (
        "month" date NOT NULL,
        "sales_channel_id" text NOT NULL,
        "currency_code" text NOT NULL,
        "product_id" text NOT NULL,
        "units" int NOT NULL,
        "revenue" bigint NOT NULL,
        PRIMARY KEY ("month", "sales_channel_id", "currency_code", "product_id")
      );
      CREATE TABLE IF NOT EXISTS "sales_dashboard_cart_day" (
        "day" date NOT NULL,
        "sales_channel_id" text NOT NULL,
        "carts" int NOT NULL,
        PRIMARY KEY ("day", "sales_channel_id")
      );
      CREATE TABLE IF NOT EXISTS "sales_dashboard_watermark" (
        "id" int PRIMARY KEY CHECK ("id" = 1),
        "refreshed_through" timestamptz NOT NULL
      );
      -- One row per product and day: a view adds 1, nothing about the viewer is kept.
      CREATE TABLE IF NOT EXISTS "product_view_day" (
        "day" date NOT NULL,
        "product_id" text NOT NULL,
        "views" int NOT NULL,
        PRIMARY KEY ("day", "product_id")
      );

      CREATE INDEX IF NOT EXISTS "IDX_order_updated_at" ON "order" ("updated_at");
      CREATE INDEX IF NOT EXISTS "IDX_order_created_at" ON "order" ("created_at");
      CREATE INDEX IF NOT EXISTS "IDX_cart_created_at" ON "cart" ("created_at");
      CREATE INDEX IF NOT EXISTS "IDX_refund_created_at" ON "refund" ("created_at");
      CREATE INDEX IF NOT EXISTS "IDX_line_item_created_at_cart" ON "line_item" ("created_at") WHERE "cart_id" IS NOT NULL;
    `)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX IF EXISTS "IDX_line_item_created_at_cart";
      DROP INDEX IF EXISTS "IDX_refund_created_at";
      DROP INDEX IF EXISTS "IDX_cart_created_at";
      DROP INDEX IF EXISTS "IDX_order_created_at";
      DROP INDEX IF EXISTS "IDX_order_updated_at";
      DROP TABLE IF EXISTS "product_view_day";
      DROP TABLE IF EXISTS "sales_dashboard_watermark";
      DROP TABLE IF EXISTS "sales_dashboard_cart_day";
      DROP TABLE IF EXISTS "sales_dashboard_product_month";
      DROP TABLE IF EXISTS "sales_dashboard_product_day";
      DROP TABLE IF EXISTS "sales_dashboard_day";
    `)
  }
}

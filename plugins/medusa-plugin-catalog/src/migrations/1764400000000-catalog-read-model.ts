import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The catalog read model (one row per published product × sales channel × region) and
 * the outbox that keeps it fresh.
 *
 * Medusa 1.20 emits no event for many writes the catalog depends on: money amounts,
 * the stock decrement of a checkout done in SQL, category or partner edits, price
 * imports. So every such table gets a trigger that appends the affected product to
 * `catalog_outbox` in the writer's own transaction and NOTIFYs `pva_catalog`; the
 * plugin's refresher LISTENs, drains the outbox and rebuilds those products' rows.
 * The outbox is append-only (no unique key) so two checkouts of one product never wait
 * on each other for it. A NULL product_id asks for a full rebuild (region changes).
 */
const ROW = "FOR EACH ROW EXECUTE FUNCTION"
const STATEMENT = "FOR EACH STATEMENT EXECUTE FUNCTION"
const ANY_WRITE = "INSERT OR UPDATE OR DELETE"

/** [table, trigger, events, what runs]: every write the read model depends on. */
const TRIGGERS: Array<[string, string, string, string]> = [
  ["product", "catalog_product", ANY_WRITE, `${ROW} catalog_enqueue('id')`],
  ["product_variant", "catalog_product_variant", ANY_WRITE, `${ROW} catalog_enqueue('product_id')`],
  ["product_sales_channel", "catalog_product_sales_channel", ANY_WRITE, `${ROW} catalog_enqueue('product_id')`],
  ["product_category_product", "catalog_product_category_product", ANY_WRITE, `${ROW} catalog_enqueue('product_id')`],
  ["product_variant_money_amount", "catalog_variant_price", ANY_WRITE, `${ROW} catalog_enqueue_variant_price()`],
  ["money_amount", "catalog_money_amount", "UPDATE OR DELETE", `${ROW} catalog_enqueue_money_amount()`],
  ["product_category", "catalog_product_category", "UPDATE OR DELETE", `${ROW} catalog_enqueue_category()`],
  ["region", "catalog_region", "INSERT OR UPDATE OF currency_code, deleted_at OR DELETE", `${STATEMENT} catalog_enqueue_all()`],
  ["sales_channel", "catalog_sales_channel", "UPDATE OF is_disabled, deleted_at", `${STATEMENT} catalog_enqueue_all()`],
]

export class CatalogReadModel1764400000000 implements MigrationInterface {
  name = "CatalogReadModel1764400000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`)
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS "catalog_entry" (
        "product_id" text NOT NULL,
        "sales_channel_id" text NOT NULL,
        "region_id" text NOT NULL,
        "currency_code" text NOT NULL,
        "title" text NOT NULL,
        "subtitle" text,
        "handle" text,
        "thumbnail" text,
        "collection_id" text,
        "category_ids" text[] NOT NULL DEFAULT '{}',
        "partner" jsonb,
        "digital_twin" boolean NOT NULL DEFAULT false,
        "price" bigint,
        "in_stock" boolean NOT NULL,
        "product_created_at" timestamptz NOT NULL,
        "search" tsvector NOT NULL,
        "search_text" text NOT NULL,
        "refreshed_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY ("product_id", "sales_channel_id", "region_id")
      );
      CREATE INDEX IF NOT EXISTS "IDX_catalog_entry_price" ON "catalog_entry" ("sales_channel_id", "region_id", "price");
      CREATE INDEX IF NOT EXISTS "IDX_catalog_entry_newest" ON "catalog_entry" ("sales_channel_id", "region_id", "product_created_at" DESC);
      CREATE INDEX IF NOT EXISTS "IDX_catalog_entry_categories" ON "catalog_entry" USING gin ("category_ids");
      CREATE INDEX IF NOT EXISTS "IDX_catalog_entry_search" ON "catalog_entry" USING gin ("search");
      CREATE INDEX IF NOT EXISTS "IDX_catalog_entry_trgm" ON "catalog_entry" USING gin ("search_text" gin_trgm_ops);

      CREATE TABLE IF NOT EXISTS "catalog_outbox" (
        "id" bigserial PRIMARY KEY,
        "product_id" text,
        "created_at" timestamptz NOT NULL DEFAULT now()
      );
    `)

    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION catalog_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        col text := TG_ARGV[0];
        new_id text;
        old_id text;
      BEGIN
        IF TG_OP <> 'DELETE' THEN new_id := to_jsonb(NEW) ->> col; END IF;
        IF TG_OP <> 'INSERT' THEN old_id := to_jsonb(OLD) ->> col; END IF;
        IF new_id IS NOT NULL THEN INSERT INTO catalog_outbox (product_id) VALUES (new_id); END IF;
        IF old_id IS NOT NULL AND old_id IS DISTINCT FROM new_id THEN INSERT INTO catalog_outbox (product_id) VALUES (old_id); END IF;
        PERFORM pg_notify('pva_catalog', '');
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION catalog_enqueue_variant_price() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO catalog_outbox (product_id)
          SELECT v.product_id FROM product_variant v
           WHERE v.id IN (CASE WHEN TG_OP <> 'DELETE' THEN NEW.variant_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.variant_id END);
        PERFORM pg_notify('pva_catalog', '');
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION catalog_enqueue_money_amount() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO catalog_outbox (product_id)
          SELECT v.product_id FROM product_variant_money_amount pvma
            JOIN product_variant v ON v.id = pvma.variant_id
           WHERE pvma.money_amount_id = OLD.id;
        PERFORM pg_notify('pva_catalog', '');
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION catalog_enqueue_category() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO catalog_outbox (product_id)
          WITH RECURSIVE subtree AS (
            SELECT OLD.id AS id
            UNION SELECT c.id FROM product_category c JOIN subtree s ON c.parent_category_id = s.id
          )
          SELECT DISTINCT pcp.product_id FROM product_category_product pcp WHERE pcp.product_category_id IN (SELECT id FROM subtree);
        PERFORM pg_notify('pva_catalog', '');
        RETURN NULL;
      END $$;

      CREATE OR REPLACE FUNCTION catalog_enqueue_all() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO catalog_outbox (product_id) VALUES (NULL);
        PERFORM pg_notify('pva_catalog', '');
        RETURN NULL;
      END $$;
    `)
    for (const [table, name, when, run] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`)
      await queryRunner.query(`CREATE TRIGGER ${name} AFTER ${when} ON ${table} ${run}`)
    }

    // Partners belong to @pva/medusa-plugin-partners, which may not be installed (or may run its
    // migrations after this one): follow their renames and approvals when the table exists.
    await queryRunner.query(`
      DO $$ BEGIN
        IF to_regclass('partner') IS NOT NULL THEN
          CREATE OR REPLACE FUNCTION catalog_enqueue_partner() RETURNS trigger LANGUAGE plpgsql AS $f$
          BEGIN
            INSERT INTO catalog_outbox (product_id) SELECT p.id FROM product p WHERE p.partner_id = OLD.id;
            PERFORM pg_notify('pva_catalog', '');
            RETURN NULL;
          END $f$;
          DROP TRIGGER IF EXISTS catalog_partner ON partner;
          CREATE TRIGGER catalog_partner AFTER UPDATE OF name, handle, country, country_code, status, is_active ON partner
            FOR EACH ROW EXECUTE FUNCTION catalog_enqueue_partner();
        END IF;
      END $$;
    `)
    // Whatever exists now goes in through the outbox like any later change.
    await queryRunner.query(`INSERT INTO catalog_outbox (product_id) VALUES (NULL)`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`)
    await queryRunner.query(`
      DO $$ BEGIN IF to_regclass('partner') IS NOT NULL THEN DROP TRIGGER IF EXISTS catalog_partner ON partner; END IF; END $$;
      DROP FUNCTION IF EXISTS catalog_enqueue, catalog_enqueue_variant_price, catalog_enqueue_money_amount,
        catalog_enqueue_category, catalog_enqueue_all, catalog_enqueue_partner;
      DROP TABLE IF EXISTS "catalog_outbox";
      DROP TABLE IF EXISTS "catalog_entry";
    `)
  }
}

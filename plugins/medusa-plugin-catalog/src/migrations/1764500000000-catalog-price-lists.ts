import { MigrationInterface, QueryRunner } from "typeorm"

/**
 * The catalog shows Medusa's calculated price, which takes active price lists (sales,
 * overrides) into account: each row keeps that price, the original price beside it
 * (for a strike-through) and the next moment a price list of the product starts or
 * ends, when the refresher re-queues the product.
 *
 * Price-list writes the earlier triggers do not see get their own: a list's status,
 * dates or deletion (its products are enqueued BEFORE the delete, while its prices are
 * still there to say which products they are), and its customer groups (a list
 * restricted to a group is not the public catalog's).
 */
const RUN = "FOR EACH ROW EXECUTE FUNCTION catalog_enqueue_price_list()"

/** [table, trigger, when]: the price-list writes that change what the catalog shows. */
const TRIGGERS: Array<[string, string, string]> = [
  ["price_list", "catalog_price_list", "BEFORE UPDATE OF status, starts_at, ends_at, deleted_at OR DELETE"],
  ["price_list_customer_groups", "catalog_price_list_customer_groups", "AFTER INSERT OR UPDATE OR DELETE"],
]

export class CatalogPriceLists1764500000000 implements MigrationInterface {
  name = "CatalogPriceLists1764500000000"

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "catalog_entry" ADD COLUMN IF NOT EXISTS "original_price" bigint;
      ALTER TABLE "catalog_entry" ADD COLUMN IF NOT EXISTS "price_changes_at" timestamptz;
      CREATE INDEX IF NOT EXISTS "IDX_catalog_entry_price_changes_at" ON "catalog_entry" ("price_changes_at") WHERE "price_changes_at" IS NOT NULL;

      -- price_list rows carry id, price_list_customer_groups rows price_list_id
      CREATE OR REPLACE FUNCTION catalog_enqueue_price_list() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        col text := CASE WHEN TG_TABLE_NAME = 'price_list' THEN 'id' ELSE 'price_list_id' END;
        list_ids text[] := '{}';
      BEGIN
        IF TG_OP <> 'DELETE' THEN list_ids := list_ids || (to_jsonb(NEW) ->> col); END IF;
        IF TG_OP <> 'INSERT' THEN list_ids := list_ids || (to_jsonb(OLD) ->> col); END IF;
        INSERT INTO catalog_outbox (product_id)
          SELECT DISTINCT v.product_id FROM money_amount ma
            JOIN product_variant_money_amount pvma ON pvma.money_amount_id = ma.id
            JOIN product_variant v ON v.id = pvma.variant_id
           WHERE ma.price_list_id = ANY(list_ids);
        PERFORM pg_notify('pva_catalog', '');
        IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
        RETURN NEW;
      END $$;
    `)
    for (const [table, name, when] of TRIGGERS) {
      await queryRunner.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`)
      await queryRunner.query(`CREATE TRIGGER ${name} ${when} ON ${table} ${RUN}`)
    }
    // Every row gets its calculated price, original price and next price change.
    await queryRunner.query(`INSERT INTO catalog_outbox (product_id) VALUES (NULL)`)
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, name] of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name} ON ${table}`)
    await queryRunner.query(`
      DROP FUNCTION IF EXISTS catalog_enqueue_price_list;
      DROP INDEX IF EXISTS "IDX_catalog_entry_price_changes_at";
      ALTER TABLE "catalog_entry" DROP COLUMN IF EXISTS "price_changes_at";
      ALTER TABLE "catalog_entry" DROP COLUMN IF EXISTS "original_price";
    `)
  }
}

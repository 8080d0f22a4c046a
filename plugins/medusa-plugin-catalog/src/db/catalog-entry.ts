// catalog_entry: the read model, one row per product, sales channel and region. It is
// rebuilt by one statement from Medusa's tables (lib/read-model-sql.ts) and searched by the
// Postgres engine (lib/postgres-query.ts); this file is its description.
import { defineTable, pg, type RowOf } from "@pva/medusa-kit"

export const catalogEntryTable = defineTable("catalog_entry", {
  product_id: pg.text,
  sales_channel_id: pg.text,
  region_id: pg.text,
  currency_code: pg.text,
  title: pg.text,
  subtitle: pg.text.orNull,
  handle: pg.text.orNull,
  thumbnail: pg.text.orNull,
  collection_id: pg.text.orNull,
  category_ids: pg.textArray,
  partner: pg.jsonb<{ handle: string; name: string } | null>().orNull,
  digital_twin: pg.bool,
  price: pg.int8.orNull,
  in_stock: pg.bool,
  product_created_at: pg.timestamptz,
  search: pg.tsvector,
  search_text: pg.text,
  refreshed_at: pg.timestamptz,
  // a price list lowered the price: what it was, and when a list starts or ends next
  original_price: pg.int8.orNull,
  price_changes_at: pg.timestamptz.orNull,
})

export type CatalogEntryRow = RowOf<typeof catalogEntryTable>

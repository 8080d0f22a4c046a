/**
 * `seed --products N`: a realistic large catalog on top of the curated seed, for
 * benchmarks and load tests. Written in SQL (Medusa's services take ~0.1 s a product),
 * deterministic (the same N gives the same catalog), and idempotent (products are keyed
 * `prod_bulk_<n>`). Every product has a partner-made title, 1–2 variants with USD and EUR
 * prices from $20 to $5,000, stock (12% sold out), 1–2 leaf categories, a partner (70%),
 * a digital twin (5%), and a storefront: pvabazaar.com, .org or both.
 */
import { Pool } from "pg"
import { poolDb, rebuildAll } from "@pva/medusa-plugin-catalog"

const ADJECTIVES = ["Polished", "Raw", "Faceted", "Carved", "Hammered", "Braided", "Antique", "Luminous", "Woven", "Etched", "Smoky", "Royal", "Tumbled", "Hand-cut", "Rustic", "Deep"]
const MATERIALS = ["Emerald", "Malachite", "Tourmaline", "Amethyst", "Garnet", "Sapphire", "Opal", "Jade", "Copper", "Ebony", "Agate", "Citrine", "Topaz", "Quartz", "Onyx", "Lapis"]
const FORMS = ["Pendant", "Ring", "Bracelet", "Earrings", "Bowl", "Figurine", "Necklace", "Brooch", "Sculpture", "Cufflinks", "Specimen", "Box", "Amulet", "Bookends", "Vase", "Charm"]

const BULK_SQL = `
WITH words AS (SELECT $2::text[] AS adj, $3::text[] AS mat, $4::text[] AS form),
leaves AS (SELECT array_agg(c.id ORDER BY c.handle) AS ids FROM product_category c
            WHERE c.is_active AND NOT c.is_internal AND NOT EXISTS (SELECT 1 FROM product_category k WHERE k.parent_category_id = c.id)),
partners AS (SELECT array_agg(id ORDER BY handle) AS ids, array_agg(name ORDER BY handle) AS names FROM partner WHERE status = 'approved' AND is_active),
thumbs AS (SELECT array_agg(DISTINCT thumbnail) AS urls FROM product WHERE thumbnail IS NOT NULL AND id NOT LIKE 'prod_bulk_%'),
twins AS (SELECT id FROM product_collection WHERE handle = 'digital-twins' LIMIT 1),
n AS (
  SELECT i,
         -- a cheap, stable pseudo-random number per product and purpose
         ('x' || substr(md5(i::text || ':a'), 1, 8))::bit(32)::bigint::float / 4294967296 AS r1,
         ('x' || substr(md5(i::text || ':b'), 1, 8))::bit(32)::bigint::float / 4294967296 AS r2,
         ('x' || substr(md5(i::text || ':c'), 1, 8))::bit(32)::bigint::float / 4294967296 AS r3
    FROM generate_series(1, $1::int) i
),
spec AS (
  SELECT n.*, w.adj[1 + i % 16] || ' ' || w.mat[1 + (i / 16) % 16] || ' ' || w.form[1 + (i / 256) % 16] AS title,
         CASE WHEN r3 < 0.7 THEN p.ids[1 + floor(r2 * array_length(p.ids, 1))::int] END AS partner_id,
         i % 20 = 0 AS twin
    FROM n CROSS JOIN words w CROSS JOIN partners p
),
ins_product AS (
  INSERT INTO product (id, title, handle, description, status, thumbnail, material, origin_country, partner_id, metadata, collection_id, created_at, updated_at)
  SELECT 'prod_bulk_' || lpad(s.i::text, 6, '0'), s.title,
         lower(replace(s.title, ' ', '-')) || '-' || s.i,
         'A ' || lower(s.title) || ' made by hand by a partner cooperative, sourced and finished with care.',
         'published', t.urls[1 + s.i % array_length(t.urls, 1)], split_part(s.title, ' ', 2), 'DRC', s.partner_id,
         jsonb_build_object('digital_twin', s.twin, 'origin', 'DRC'),
         CASE WHEN s.twin THEN (SELECT id FROM twins) END,
         now() - (s.r2 * interval '730 days'), now()
    FROM spec s CROSS JOIN thumbs t
  ON CONFLICT (id) DO NOTHING
  RETURNING id
)
SELECT count(*)::int AS inserted FROM ins_product`

const VARIANTS_SQL = `
WITH bulk AS (SELECT id, substr(id, 11)::int AS i FROM product WHERE id LIKE 'prod_bulk_%' AND NOT EXISTS (SELECT 1 FROM product_variant v WHERE v.product_id = product.id)),
n AS (
  SELECT b.id, b.i, v.k,
         ('x' || substr(md5(b.i::text || ':a'), 1, 8))::bit(32)::bigint::float / 4294967296 AS r1,
         ('x' || substr(md5(b.i::text || ':b'), 1, 8))::bit(32)::bigint::float / 4294967296 AS r2,
         ('x' || substr(md5(b.i::text || ':c'), 1, 8))::bit(32)::bigint::float / 4294967296 AS r3
    FROM bulk b CROSS JOIN LATERAL generate_series(1, CASE WHEN b.i % 3 = 0 THEN 2 ELSE 1 END) v(k)
),
opt AS (
  INSERT INTO product_option (id, title, product_id) SELECT 'opt_bulk_' || substr(id, 11), 'Edition', id FROM bulk RETURNING id, product_id
),
variant AS (
  INSERT INTO product_variant (id, title, product_id, sku, inventory_quantity, manage_inventory, allow_backorder, variant_rank)
  SELECT 'variant_bulk_' || substr(n.id, 11) || '_' || n.k, CASE n.k WHEN 1 THEN 'Standard' ELSE 'Gift box' END, n.id,
         'BULK-' || substr(n.id, 11) || '-' || n.k, CASE WHEN n.r2 < 0.12 THEN 0 ELSE 1 + floor(n.r3 * 25)::int END, true, false, n.k - 1
    FROM n RETURNING id
),
price AS (
  SELECT n.id, n.k, c.code,
         (round(exp(ln(2000) + n.r1 * (ln(500000) - ln(2000))) * CASE n.k WHEN 1 THEN 1 ELSE 1.15 END * CASE c.code WHEN 'eur' THEN 0.92 ELSE 1 END / 100) * 100)::int AS amount
    FROM n CROSS JOIN (VALUES ('usd'), ('eur')) c(code)
),
ma AS (
  INSERT INTO money_amount (id, currency_code, amount)
  SELECT 'ma_bulk_' || substr(id, 11) || '_' || k || '_' || code, code, amount FROM price RETURNING id
),
pvma AS (
  INSERT INTO product_variant_money_amount (id, money_amount_id, variant_id)
  SELECT 'pvma_bulk_' || substr(id, 11) || '_' || k || '_' || code, 'ma_bulk_' || substr(id, 11) || '_' || k || '_' || code,
         'variant_bulk_' || substr(id, 11) || '_' || k
    FROM price RETURNING id
),
optval AS (
  INSERT INTO product_option_value (id, value, option_id, variant_id)
  SELECT 'optval_bulk_' || substr(n.id, 11) || '_' || n.k, CASE n.k WHEN 1 THEN 'Standard' ELSE 'Gift box' END,
         'opt_bulk_' || substr(n.id, 11), 'variant_bulk_' || substr(n.id, 11) || '_' || n.k
    FROM n RETURNING id
),
channels AS (
  INSERT INTO product_sales_channel (product_id, sales_channel_id)
  SELECT b.id, sc.id FROM bulk b JOIN sales_channel sc
      ON (sc.name = 'pvabazaar.com' AND b.i % 10 <> 8) OR (sc.name = 'pvabazaar.org' AND b.i % 10 IN (6, 7, 8))
  RETURNING product_id
),
categories AS (
  INSERT INTO product_category_product (product_category_id, product_id)
  SELECT DISTINCT l.ids[1 + (b.i * k) % array_length(l.ids, 1)], b.id
    FROM bulk b CROSS JOIN (SELECT array_agg(c.id ORDER BY c.handle) AS ids FROM product_category c
                             WHERE c.is_active AND NOT c.is_internal AND NOT EXISTS (SELECT 1 FROM product_category x WHERE x.parent_category_id = c.id)) l
    CROSS JOIN LATERAL (SELECT 1 AS k UNION ALL SELECT 7 WHERE b.i % 2 = 0) ks
  RETURNING product_id
),
profiles AS (
  INSERT INTO product_shipping_profile (profile_id, product_id)
  SELECT (SELECT id FROM shipping_profile WHERE type = 'default' AND deleted_at IS NULL LIMIT 1), id FROM bulk RETURNING product_id
)
SELECT (SELECT count(*) FROM variant)::int AS variants, (SELECT count(*) FROM pvma)::int AS prices,
       (SELECT count(*) FROM channels)::int AS channels, (SELECT count(*) FROM categories)::int AS categories,
       (SELECT count(*) FROM opt)::int + (SELECT count(*) FROM optval)::int + (SELECT count(*) FROM profiles)::int AS other`

/** Adds products until there are `count` bulk ones, then rebuilds the catalog read model with progress on stderr. */
export async function seedBulkCatalog(databaseUrl: string, count: number): Promise<{ inserted: number; total: number }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 2, application_name: "pva-seed-bulk" })
  // An idle connection ended by PostgreSQL is only a warning; the next query fails or reconnects.
  pool.on("error", (err) => process.stderr.write(`bulk catalog: database connection lost: ${err.message}\n`))
  try {
    const db = poolDb(pool)
    const inserted: number = await db.transaction(async (sql) => {
      // Per-row triggers queue each insert for the read model; one rebuild below does it all at once.
      const [{ before }] = await sql(`SELECT COALESCE(max(id), 0) AS before FROM catalog_outbox`)
      const [{ inserted }] = await sql(BULK_SQL, [count, ADJECTIVES, MATERIALS, FORMS])
      await sql(VARIANTS_SQL)
      await sql(`DELETE FROM catalog_outbox WHERE id > $1 AND product_id LIKE 'prod_bulk_%'`, [before])
      return inserted
    })
    // fresh statistics, or the planner takes tables of thousands of rows for empty ones
    await pool.query(
      `ANALYZE product, product_variant, money_amount, product_variant_money_amount, product_sales_channel, product_category_product, product_option_value`
    )
    process.stderr.write(`bulk catalog: ${inserted} new product(s); rebuilding the catalog read model\n`)
    let last = 0
    const total = await rebuildAll(db, (done, all) => {
      if (done === all || Date.now() - last > 1000) {
        last = Date.now()
        process.stderr.write(`  read model: ${done}/${all} products\n`)
      }
    })
    return { inserted, total }
  } finally {
    await pool.end()
  }
}

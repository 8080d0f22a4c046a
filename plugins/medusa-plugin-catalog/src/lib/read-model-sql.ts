/**
 * Rebuilds the read-model rows of the products in $1 (text[]): delete, then insert
 * one row per published product × enabled sales channel × region. Run both in one
 * transaction, so a reader sees the old rows or the new ones, never neither.
 *
 * The price is Medusa 1.20's calculated price for a shopper with no customer (its
 * PriceSelectionStrategy and MoneyAmountRepository.findManyForVariantsInRegion): per
 * variant, the lowest of its prices in the region or the region's currency that need no
 * quantity, among its own prices and those of price lists that are active, started,
 * not ended and not restricted to customer groups. A sale and an override list count
 * alike: Medusa takes the lowest price of either. The product shows its cheapest
 * variant, with that variant's original price (its own region price, else its own
 * currency price) beside it. `price_changes_at` is the next start or end of one of the
 * product's active price lists, when the product must be rebuilt.
 */
export const DELETE_ENTRIES_SQL = `DELETE FROM catalog_entry WHERE product_id = ANY($1::text[])`

export const INSERT_ENTRIES_SQL = `
WITH RECURSIVE targets AS MATERIALIZED (
  SELECT p.* FROM product p
   WHERE p.id = ANY($1::text[]) AND p.status = 'published' AND p.deleted_at IS NULL AND NOT p.is_giftcard
),
visible_category AS (
  SELECT c.id, c.name, c.parent_category_id FROM product_category c WHERE c.is_active AND NOT c.is_internal
),
product_category_tree AS (
  SELECT pcp.product_id, c.id, c.name, c.parent_category_id
    FROM product_category_product pcp JOIN visible_category c ON c.id = pcp.product_category_id
   WHERE pcp.product_id = ANY($1::text[])
  UNION
  SELECT t.product_id, c.id, c.name, c.parent_category_id
    FROM product_category_tree t JOIN visible_category c ON c.id = t.parent_category_id
),
categories AS (
  SELECT product_id, array_agg(DISTINCT id ORDER BY id) AS ids, string_agg(DISTINCT name, ' ') AS names
    FROM product_category_tree GROUP BY product_id
),
public_price_list AS (
  SELECT pl.id FROM price_list pl
   WHERE pl.deleted_at IS NULL AND pl.status = 'active'
     AND (pl.starts_at IS NULL OR pl.starts_at < now()) AND (pl.ends_at IS NULL OR pl.ends_at > now())
     AND NOT EXISTS (
       SELECT 1 FROM price_list_customer_groups plcg JOIN customer_group cg ON cg.id = plcg.customer_group_id AND cg.deleted_at IS NULL
        WHERE plcg.price_list_id = pl.id)
),
variant_prices AS MATERIALIZED (
  SELECT v.product_id, v.id AS variant_id, ma.amount, ma.currency_code, ma.region_id,
         (ma.price_list_id IS NULL AND ma.min_quantity IS NULL AND ma.max_quantity IS NULL) AS is_original
    FROM product_variant v
    JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
    JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
   WHERE v.product_id = ANY($1::text[]) AND v.deleted_at IS NULL
     AND COALESCE(ma.min_quantity, 0) = 0
     AND (ma.price_list_id IS NULL OR ma.price_list_id IN (SELECT id FROM public_price_list))
),
variant_region_prices AS (
  SELECT vp.product_id, vp.variant_id, r.id AS region_id, min(vp.amount) AS amount,
         COALESCE(min(vp.amount) FILTER (WHERE vp.is_original AND vp.region_id = r.id),
                  min(vp.amount) FILTER (WHERE vp.is_original AND vp.currency_code = r.currency_code)) AS original_amount
    FROM variant_prices vp
    JOIN region r ON r.deleted_at IS NULL AND (vp.region_id = r.id OR vp.currency_code = r.currency_code)
   GROUP BY vp.product_id, vp.variant_id, r.id
),
region_prices AS (
  SELECT DISTINCT ON (product_id, region_id) product_id, region_id, amount, original_amount
    FROM variant_region_prices
   ORDER BY product_id, region_id, amount, original_amount
),
price_changes AS (
  SELECT v.product_id, min(boundary) AS at
    FROM product_variant v
    JOIN product_variant_money_amount pvma ON pvma.variant_id = v.id AND pvma.deleted_at IS NULL
    JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
    JOIN price_list pl ON pl.id = ma.price_list_id AND pl.deleted_at IS NULL AND pl.status = 'active'
    CROSS JOIN LATERAL (VALUES (pl.starts_at), (pl.ends_at)) b(boundary)
   WHERE v.product_id = ANY($1::text[]) AND v.deleted_at IS NULL AND b.boundary >= now()
   GROUP BY v.product_id
),
stock AS MATERIALIZED (
  SELECT v.product_id,
         bool_or(NOT v.manage_inventory OR v.allow_backorder OR v.inventory_quantity > 0) AS in_stock,
         string_agg(COALESCE(v.sku, ''), ' ') AS skus
    FROM product_variant v
   WHERE v.product_id = ANY($1::text[]) AND v.deleted_at IS NULL
   GROUP BY v.product_id
)
INSERT INTO catalog_entry (
  product_id, sales_channel_id, region_id, currency_code, title, subtitle, handle, thumbnail,
  collection_id, category_ids, partner, digital_twin, price, original_price, price_changes_at, in_stock, product_created_at,
  search, search_text
)
SELECT p.id, sc.id, r.id, r.currency_code, p.title, p.subtitle, p.handle, p.thumbnail,
       p.collection_id, COALESCE(cat.ids, '{}'), partner.doc, COALESCE((p.metadata ->> 'digital_twin')::boolean, false),
       rp.amount, rp.original_amount, pc.at,
       COALESCE(stock.in_stock, false), p.created_at,
       setweight(to_tsvector('english', p.title), 'A')
         || setweight(to_tsvector('english', concat_ws(' ', p.subtitle, cat.names, partner.doc ->> 'name', p.material, p.origin_country)), 'B')
         || setweight(to_tsvector('english', concat_ws(' ', p.description, stock.skus)), 'C'),
       lower(concat_ws(' ', p.title, p.subtitle, cat.names, partner.doc ->> 'name', p.material))
  FROM targets p
  JOIN product_sales_channel psc ON psc.product_id = p.id
  JOIN sales_channel sc ON sc.id = psc.sales_channel_id AND sc.deleted_at IS NULL AND NOT sc.is_disabled
  CROSS JOIN region r
  LEFT JOIN region_prices rp ON rp.product_id = p.id AND rp.region_id = r.id
  LEFT JOIN price_changes pc ON pc.product_id = p.id
  LEFT JOIN categories cat ON cat.product_id = p.id
  LEFT JOIN stock ON stock.product_id = p.id
  LEFT JOIN LATERAL (
    SELECT jsonb_build_object('id', pa.id, 'name', pa.name, 'handle', pa.handle, 'country', pa.country, 'country_code', pa.country_code) AS doc
      FROM partner pa WHERE pa.id = p.partner_id AND pa.status = 'approved' AND pa.is_active
  ) partner ON true
 WHERE r.deleted_at IS NULL
ON CONFLICT (product_id, sales_channel_id, region_id) DO NOTHING`

/** Takes up to $1 outbox rows, oldest first; the caller holds the refresh lock. */
export const TAKE_OUTBOX_SQL = `
DELETE FROM catalog_outbox
 WHERE id IN (SELECT id FROM catalog_outbox ORDER BY id LIMIT $1)
RETURNING product_id`

/** One refresher at a time across processes: two could otherwise interleave delete and insert of one product. */
export const REFRESH_LOCK_SQL = `SELECT pg_advisory_xact_lock(hashtext('pva_catalog_refresh'))`

/**
 * Queues the products whose price list started or ended since their rows were built;
 * answers one row per product queued. Clearing the moment in the same statement queues
 * each product once, whichever process's sweep gets there first.
 */
export const QUEUE_DUE_PRICE_CHANGES_SQL = `
WITH due AS (
  UPDATE catalog_entry SET price_changes_at = NULL WHERE price_changes_at <= now() RETURNING product_id
)
INSERT INTO catalog_outbox (product_id) SELECT DISTINCT product_id FROM due RETURNING product_id`

export const ALL_PRODUCT_IDS_SQL = `SELECT id FROM product WHERE deleted_at IS NULL ORDER BY id`

export const NOTIFY_CHANNEL = "pva_catalog"
/** Sent by the refresher in the transaction that changed the read model: caches start over. */
export const REFRESHED_CHANNEL = "pva_catalog_refreshed"
export const NOTIFY_REFRESHED_SQL = `SELECT pg_notify('${"pva_catalog_refreshed"}', '')`

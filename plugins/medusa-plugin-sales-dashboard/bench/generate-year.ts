// A year of shop activity written straight into a migrated, seeded database, shaped like the
// shop's: most orders on pvabazaar.com, a quarter on pvabazaar.org, a few without a channel;
// two thirds in USD; 1–3 lines per order over the seeded products with a long tail; 2% canceled,
// 3% partly refunded; half as many abandoned carts again; quiz results, product views,
// partner webhook deliveries (a few retrying or dead), share sales and twin claims.
// Deterministic (setseed), so two runs measure the same data.
import type { Pool } from "pg"

export type YearSpec = { orders: number }

export async function generateYear(pool: Pool, spec: YearSpec): Promise<Record<string, number>> {
  const q = (sql: string, params: unknown[] = []) => pool.query(sql, params)
  await q(`SELECT setseed(0.42)`)
  await q(`INSERT INTO customer (id, email, has_account) VALUES ('cus_bench', 'bench@example.com', false) ON CONFLICT DO NOTHING`)
  // Lookups the generator picks from, in temporary-free tables so every statement can join them.
  await q(`DROP TABLE IF EXISTS bench_variant, bench_channel, bench_region`)
  await q(`CREATE TABLE bench_variant AS
             SELECT row_number() OVER (ORDER BY v.id) - 1 AS n, v.id, v.product_id, p.title
               FROM product_variant v JOIN product p ON p.id = v.product_id
              WHERE v.deleted_at IS NULL AND p.deleted_at IS NULL`)
  await q(`CREATE TABLE bench_channel AS
             SELECT (SELECT id FROM sales_channel WHERE name = 'pvabazaar.com') AS com,
                    (SELECT id FROM sales_channel WHERE name = 'pvabazaar.org') AS org`)
  await q(`CREATE TABLE bench_region AS
             SELECT (SELECT id FROM region WHERE currency_code = 'usd' LIMIT 1) AS usd,
                    (SELECT id FROM region WHERE currency_code = 'eur' LIMIT 1) AS eur`)
  const [{ variants }] = (await q(`SELECT count(*)::int AS variants FROM bench_variant`)).rows

  await q(`CREATE TABLE bench_order AS
    SELECT 'order_bench_' || g AS id, 'cart_bench_' || g AS cart_id,
           now() - (power(random(), 1.15) * interval '364 days') AS created_at,
           random() AS r_channel, random() AS r_currency, random() AS r_status, random() AS r_refund,
           1 + floor(power(random(), 2.5) * 3)::int AS lines
      FROM generate_series(1, $1::int) g`, [spec.orders])
  await q(`INSERT INTO cart (id, region_id, sales_channel_id, type, created_at, updated_at, completed_at)
    SELECT b.cart_id, CASE WHEN b.r_currency < 0.66 THEN r.usd ELSE r.eur END,
           CASE WHEN b.r_channel < 0.70 THEN c.com WHEN b.r_channel < 0.95 THEN c.org END, 'default',
           b.created_at - interval '20 minutes', b.created_at, b.created_at
      FROM bench_order b, bench_channel c, bench_region r`)
  await q(`INSERT INTO "order" (id, customer_id, email, region_id, currency_code, sales_channel_id, cart_id, status, created_at, updated_at)
    SELECT b.id, 'cus_bench', 'bench@example.com',
           CASE WHEN b.r_currency < 0.66 THEN r.usd ELSE r.eur END, CASE WHEN b.r_currency < 0.66 THEN 'usd' ELSE 'eur' END,
           CASE WHEN b.r_channel < 0.70 THEN c.com WHEN b.r_channel < 0.95 THEN c.org END, b.cart_id,
           (CASE WHEN b.r_status < 0.02 THEN 'canceled' WHEN b.r_status < 0.8 THEN 'completed' ELSE 'pending' END)::order_status_enum,
           b.created_at, b.created_at
      FROM bench_order b, bench_channel c, bench_region r`)
  // Popular products sell far more than the tail: variant index ~ random()^2.
  await q(`INSERT INTO line_item (id, cart_id, order_id, title, unit_price, quantity, variant_id, created_at, updated_at)
    SELECT 'item_bench_' || x.id || '_' || x.l, x.cart_id, x.id, v.title,
           CASE WHEN x.r_currency < 0.66 THEN 2500 + (v.n * 731) % 30000 ELSE 2300 + (v.n * 677) % 27000 END,
           1 + floor(power(random(), 4) * 3)::int, v.id, x.created_at - interval '15 minutes', x.created_at
      FROM (SELECT b.*, l, floor(power(random(), 2) * $1::int)::int AS vn
              FROM bench_order b CROSS JOIN generate_series(1, 3) l WHERE l <= b.lines) x
      JOIN bench_variant v ON v.n = x.vn`, [variants])
  await q(`INSERT INTO payment (id, order_id, amount, currency_code, provider_id, data, created_at, updated_at)
    SELECT 'pay_bench_' || o.id, o.id, (t.items * 108 / 100 + 1500)::int, o.currency_code, 'manual', '{}', o.created_at, o.created_at
      FROM "order" o JOIN (SELECT order_id, sum(unit_price * quantity) AS items FROM line_item WHERE order_id LIKE 'order_bench_%' GROUP BY 1) t ON t.order_id = o.id`)
  await q(`INSERT INTO refund (id, order_id, amount, reason, created_at, updated_at)
    SELECT 'ref_bench_' || b.id, b.id, 1000 + (floor(random() * 40) * 100)::int, 'other', LEAST(b.created_at + interval '3 days', now() - interval '1 hour'), LEAST(b.created_at + interval '3 days', now() - interval '1 hour')
      FROM bench_order b WHERE b.r_refund < 0.03 AND b.r_status >= 0.02`)
  // Abandoned carts: half as many again, each with one line.
  await q(`INSERT INTO cart (id, region_id, sales_channel_id, type, created_at, updated_at)
    SELECT 'cart_bench_a' || g, r.usd, CASE WHEN random() < 0.7 THEN c.com ELSE c.org END, 'default', t, t
      FROM generate_series(1, $1::int / 2) g, bench_channel c, bench_region r,
           LATERAL (SELECT now() - random() * interval '364 days' + g * interval '0 seconds' AS t) x`, [spec.orders])
  await q(`INSERT INTO line_item (id, cart_id, title, unit_price, quantity, variant_id, created_at, updated_at)
    SELECT 'item_bench_a' || c.id, c.id, 'Abandoned', 5000, 1, (SELECT id FROM bench_variant WHERE n = 0), c.created_at, c.created_at
      FROM cart c WHERE c.id LIKE 'cart_bench_a%'`)
  // Quiz results: about four for every ten orders.
  await q(`INSERT INTO archetype_result (id, quiz_id, archetype, scores, answers, created_at, updated_at)
    SELECT 'arch_bench_' || g, (SELECT id FROM archetype_quiz WHERE is_active), 'guardian', '{}', '[]', t, t
      FROM generate_series(1, $1::int * 4 / 10) g, LATERAL (SELECT now() - random() * interval '364 days' + g * interval '0 seconds' AS t) x`, [spec.orders])
  await q(`INSERT INTO product_view_day (day, product_id, views)
    SELECT d::date, p.id, 20 + floor(random() * 400)::int
      FROM generate_series(now() - interval '364 days', now(), interval '1 day') d CROSS JOIN (SELECT DISTINCT product_id AS id FROM bench_variant) p
    ON CONFLICT DO NOTHING`)
  // Partner webhooks: one delivery for half the orders; 0.5% retrying, 0.3% dead.
  await q(`INSERT INTO webhook_delivery (id, partner_id, event_type, order_id, body, status, attempts, created_at, delivered_at)
    SELECT 'wh_bench_' || b.id, (SELECT id FROM partner ORDER BY id LIMIT 1), 'order.paid', b.id, '{}',
           CASE WHEN b.r_refund > 0.995 THEN 'dead' WHEN b.r_refund > 0.99 THEN 'pending' ELSE 'delivered' END,
           CASE WHEN b.r_refund > 0.99 THEN 3 ELSE 1 END, b.created_at,
           CASE WHEN b.r_refund <= 0.99 THEN b.created_at + (50 + random() * 900) * interval '1 millisecond' END
      FROM bench_order b WHERE b.r_channel < 0.5`)
  // Share sales and twin claims: a few hundred of each over the year.
  await q(`INSERT INTO fractional_offering (id, title, total_shares, price_usd, price_eur) VALUES ('off_bench', 'Bench Offering', 10000, 500, 450) ON CONFLICT DO NOTHING`)
  await q(`INSERT INTO fractional_share_reservation (id, offering_id, line_item_id, order_id, customer_id, wallet, quantity, status, created_at)
    SELECT 'res_bench_' || g, 'off_bench', 'res_item_bench_' || g, 'order_bench_' || g, 'cus_bench', '0x01', 1 + floor(random() * 10)::int, 'confirmed', now() - random() * interval '364 days'
      FROM generate_series(1, $1::int / 200) g`, [spec.orders])
  await q(`INSERT INTO digital_twin (id, tag_id, title, metadata_cid, metadata_digest, image_cid)
    SELECT 'twin_bench_' || g, 'tag_bench_' || g, 'Bench Twin', 'cid', '0x00', 'cid' FROM generate_series(1, $1::int / 200) g`, [spec.orders])
  await q(`INSERT INTO digital_twin_event (twin_id, kind, occurred_at)
    SELECT 'twin_bench_' || g, k, now() - random() * interval '364 days'
      FROM generate_series(1, $1::int / 200) g CROSS JOIN unnest(ARRAY['sold', 'claim_issued', 'minted']) k`, [spec.orders])
  await q(`DROP TABLE bench_order, bench_variant, bench_channel, bench_region`)
  // A year-old shop's tables have been vacuumed (autovacuum): index-only scans see all-visible pages.
  await q(`VACUUM ANALYZE`)
  const [counts] = (
    await q(`SELECT (SELECT count(*) FROM "order")::int AS orders, (SELECT count(*) FROM line_item)::int AS line_items,
                    (SELECT count(*) FROM cart)::int AS carts, (SELECT count(*) FROM archetype_result)::int AS quiz_results,
                    (SELECT count(*) FROM webhook_delivery)::int AS webhook_deliveries`)
  ).rows
  return { ...counts, variants }
}

// The sales rollups' one home: how a day's orders, products and carts are aggregated from
// Medusa's tables, the incremental refresh, and the reads. Money is summed in minor units as
// bigint and leaves as a decimal string when it could pass 2^53, never as a float.
//
// What counts, by the order's placement day (UTC):
// - an order counts once, in its sales channel and currency; a canceled order is not an
//   order or revenue, it is counted under `canceled`;
// - gross = what the order's payments were for (the order's total, taxes and shipping
//   included); refunded = its refunds, on the order's day, so a day's net is what that
//   day's orders finally brought in;
// - a product's revenue is its lines' unit price × quantity (as priced: before discounts
//   and shipping, VAT included where the region's prices include it), canceled orders left out;
// - a cart counts on the day it was created, in its sales channel, once it holds a line.
//
// A refresh re-aggregates only the days that had an order placed or changed, a refund or a
// cart line since the watermark; re-aggregating a day replaces its rows, so doing one twice
// is harmless.
import { defineTable, pg, selectRow, selectRows, type RowOf, type SqlRunner } from "@pva/medusa-kit"
import { monthSpans, type DayRange } from "../lib/date-range"

/** Orders, cancellations and money per day (UTC), sales channel ('' for none) and currency. */
export const salesDayTable = defineTable("sales_dashboard_day", {
  day: pg.date,
  sales_channel_id: pg.text,
  currency_code: pg.text,
  orders: pg.int4,
  canceled: pg.int4,
  gross: pg.int8,
  refunded: pg.int8,
})

/** Units and item revenue per day, channel, currency and product. */
export const productDayTable = defineTable("sales_dashboard_product_day", {
  day: pg.date,
  sales_channel_id: pg.text,
  currency_code: pg.text,
  product_id: pg.text,
  units: pg.int4,
  revenue: pg.int8,
})

/** The product rollup summed per month (`month` is its first day). */
export const productMonthTable = defineTable("sales_dashboard_product_month", {
  month: pg.date,
  sales_channel_id: pg.text,
  currency_code: pg.text,
  product_id: pg.text,
  units: pg.int4,
  revenue: pg.int8,
})

/** Carts holding a line, per creation day and channel. */
export const cartDayTable = defineTable("sales_dashboard_cart_day", {
  day: pg.date,
  sales_channel_id: pg.text,
  carts: pg.int4,
})

/** One row (id 1): how far the rollups are up to date. */
export const watermarkTable = defineTable("sales_dashboard_watermark", {
  id: pg.int4,
  refreshed_through: pg.timestamptz,
})

export type WatermarkRow = RowOf<typeof watermarkTable>

const DAY_OF = (column: string) => `(${column} AT TIME ZONE 'UTC')::date`
const ORDERS = `"order" o`
const CARTS = `cart c`
const CARTS_ON_DAYS = `unnest($1::date[]) AS dirty(d)
    JOIN cart c ON c.created_at >= dirty.d::timestamp AT TIME ZONE 'UTC' AND c.created_at < (dirty.d + 1)::timestamp AT TIME ZONE 'UTC'`
/** The orders placed on the dirty days ($1, a date[]), each day through the created_at index. */
const ORDERS_ON_DAYS = `unnest($1::date[]) AS dirty(d)
    JOIN "order" o ON o.created_at >= dirty.d::timestamp AT TIME ZONE 'UTC' AND o.created_at < (dirty.d + 1)::timestamp AT TIME ZONE 'UTC'`

/** Orders per day, channel and currency for the orders matching `where` (on alias o). */
export const orderDaysSql = (where: string, source = ORDERS) => `
  SELECT ${DAY_OF("o.created_at")} AS day, COALESCE(o.sales_channel_id, '') AS sales_channel_id, o.currency_code,
         count(*) FILTER (WHERE o.status <> 'canceled')::int AS orders,
         count(*) FILTER (WHERE o.status = 'canceled')::int AS canceled,
         COALESCE(sum(p.amount) FILTER (WHERE o.status <> 'canceled'), 0)::bigint AS gross,
         COALESCE(sum(r.amount) FILTER (WHERE o.status <> 'canceled'), 0)::bigint AS refunded
    FROM ${source}
    LEFT JOIN LATERAL (SELECT sum(amount) AS amount FROM payment WHERE order_id = o.id) p ON true
    LEFT JOIN LATERAL (SELECT sum(amount) AS amount FROM refund WHERE order_id = o.id) r ON true
   WHERE ${where}
   GROUP BY 1, 2, 3`

/** Units and item revenue per day, channel, currency and product for the orders matching `where`. */
export const productDaysSql = (where: string, source = ORDERS) => `
  SELECT ${DAY_OF("o.created_at")} AS day, COALESCE(o.sales_channel_id, '') AS sales_channel_id, o.currency_code,
         v.product_id AS product_id,
         sum(li.quantity)::int AS units, sum(li.unit_price::bigint * li.quantity)::bigint AS revenue
    FROM ${source}
    JOIN line_item li ON li.order_id = o.id
    LEFT JOIN product_variant v ON v.id = li.variant_id
   WHERE o.status <> 'canceled' AND v.product_id IS NOT NULL AND ${where}
   GROUP BY 1, 2, 3, 4`

/** Carts holding at least one line, per day and channel, for the carts matching `where` (on alias c). */
export const cartDaysSql = (where: string, source = CARTS) => `
  SELECT ${DAY_OF("c.created_at")} AS day, COALESCE(c.sales_channel_id, '') AS sales_channel_id, count(*)::int AS carts
    FROM ${source}
   WHERE c.type = 'default' AND EXISTS (SELECT 1 FROM line_item li WHERE li.cart_id = c.id) AND ${where}
   GROUP BY 1, 2`

/** One refresh at a time; a request that finds one running reads the rollup as it is. */
const REFRESH_LOCK = 0x5a1e5da5

const PRODUCT_MONTHS_SQL = `SELECT date_trunc('month', p.day)::date, p.sales_channel_id, p.currency_code, p.product_id, sum(p.units)::int, sum(p.revenue)::bigint`

export type RefreshResult = { refreshed: boolean; days: number }

/**
 * Brings the rollups up to date: the first refresh aggregates everything; later ones only
 * the days that had an order placed, changed (canceled) or refunded, or a cart line added,
 * since the watermark. Runs as one transaction of its own, so `db` must be one connection
 * (a QueryRunner or a pg client), never a pool.
 */
export async function refreshSalesRollup(db: SqlRunner): Promise<RefreshResult> {
  await db.query("BEGIN")
  try {
    const lock = await selectRow<{ locked: boolean }>(db, "SELECT pg_try_advisory_xact_lock($1) AS locked", [REFRESH_LOCK])
    if (!lock?.locked) {
      await db.query("ROLLBACK")
      return { refreshed: false, days: 0 }
    }
    // A refresh's day joins are planned for thousands of rows (unnest's default estimate), past
    // the point where Postgres compiles them with JIT: ~100 ms of compiling for a 2 ms query.
    await db.query("SET LOCAL jit = off")
    const mark = await selectRow<{ since: WatermarkRow["refreshed_through"] }>(
      db,
      `SELECT refreshed_through AS since FROM sales_dashboard_watermark WHERE id = 1`
    )
    // The next refresh starts where this one can vouch for: a row stamped before the oldest
    // transaction still open elsewhere is committed and seen now, while that transaction may
    // yet commit rows stamped with its start (Medusa stamps updated_at with now(), the
    // transaction's start). So the watermark is that start, or now when nothing is open.
    const start = await selectRow<{ now: Date }>(
      db,
      `SELECT LEAST(clock_timestamp(), (SELECT min(xact_start) FROM pg_stat_activity
                                         WHERE datname = current_database() AND pid <> pg_backend_pid())) AS now`
    )
    const now = start?.now ?? new Date()
    let days = 0
    if (!mark) {
      await db.query(
        `DELETE FROM sales_dashboard_day; DELETE FROM sales_dashboard_product_day; DELETE FROM sales_dashboard_product_month; DELETE FROM sales_dashboard_cart_day`
      )
      await db.query(`INSERT INTO sales_dashboard_day ${orderDaysSql("true")}`)
      await db.query(`INSERT INTO sales_dashboard_product_day ${productDaysSql("true")}`)
      await db.query(`INSERT INTO sales_dashboard_product_month ${PRODUCT_MONTHS_SQL} FROM sales_dashboard_product_day p GROUP BY 1, 2, 3, 4`)
      await db.query(`INSERT INTO sales_dashboard_cart_day ${cartDaysSql("true")}`)
      days = -1
    } else {
      const since = mark.since
      const dirty = await selectRow<{ order_days: string[] | null; cart_days: string[] | null }>(
        db,
        `SELECT (SELECT array_agg(DISTINCT d) FROM (
                   SELECT ${DAY_OF("created_at")} AS d FROM "order" WHERE updated_at >= $1
                   UNION SELECT ${DAY_OF("o.created_at")} FROM refund r JOIN "order" o ON o.id = r.order_id WHERE r.created_at >= $1
                 ) x)::text[] AS order_days,
                (SELECT array_agg(DISTINCT ${DAY_OF("c.created_at")})
                   FROM line_item li JOIN cart c ON c.id = li.cart_id
                  WHERE li.cart_id IS NOT NULL AND li.created_at >= $1)::text[] AS cart_days`,
        [since]
      )
      const orderDays = dirty?.order_days ?? []
      const cartDays = dirty?.cart_days ?? []
      if (orderDays.length) {
        await db.query(`DELETE FROM sales_dashboard_day WHERE day = ANY($1::date[])`, [orderDays])
        await db.query(`DELETE FROM sales_dashboard_product_day WHERE day = ANY($1::date[])`, [orderDays])
        await db.query(`INSERT INTO sales_dashboard_day ${orderDaysSql("true", ORDERS_ON_DAYS)}`, [orderDays])
        await db.query(`INSERT INTO sales_dashboard_product_day ${productDaysSql("true", ORDERS_ON_DAYS)}`, [orderDays])
        // The months of those days, summed again from their days.
        const months = [...new Set(orderDays.map((day) => `${day.slice(0, 7)}-01`))]
        await db.query(`DELETE FROM sales_dashboard_product_month WHERE month = ANY($1::date[])`, [months])
        await db.query(
          `INSERT INTO sales_dashboard_product_month ${PRODUCT_MONTHS_SQL}
             FROM unnest($1::date[]) AS m(month)
             JOIN sales_dashboard_product_day p ON p.day >= m.month AND p.day < (m.month + interval '1 month')
            GROUP BY 1, 2, 3, 4`,
          [months]
        )
      }
      if (cartDays.length) {
        await db.query(`DELETE FROM sales_dashboard_cart_day WHERE day = ANY($1::date[])`, [cartDays])
        await db.query(`INSERT INTO sales_dashboard_cart_day ${cartDaysSql("true", CARTS_ON_DAYS)}`, [cartDays])
      }
      days = new Set([...orderDays, ...cartDays]).size
    }
    await db.query(
      `INSERT INTO sales_dashboard_watermark (id, refreshed_through) VALUES (1, $1)
       ON CONFLICT (id) DO UPDATE SET refreshed_through = EXCLUDED.refreshed_through`,
      [now]
    )
    await db.query("COMMIT")
    return { refreshed: true, days }
  } catch (err) {
    await db.query("ROLLBACK").catch(() => undefined)
    throw err
  }
}

/** A rollup day as the reads answer it: the day as YYYY-MM-DD, money as decimal strings. */
export type SalesDayRow = Omit<RowOf<typeof salesDayTable>, "day"> & { day: string }

const channelFilter = (param: string) => `(${param}::text IS NULL OR sales_channel_id = ${param})`

/** The rollup's days in the range, per channel and currency. */
export function salesDays(db: SqlRunner, range: DayRange, channel: string | null): Promise<SalesDayRow[]> {
  return selectRows<SalesDayRow>(
    db,
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, sales_channel_id, currency_code, orders, canceled, gross::text, refunded::text
       FROM sales_dashboard_day
      WHERE day BETWEEN $1 AND $2 AND ${channelFilter("$3")}
      ORDER BY day, sales_channel_id, currency_code`,
    [range.from, range.to, channel]
  )
}

export type TopProductRow = Pick<RowOf<typeof productDayTable>, "product_id" | "units"> & {
  title: string | null
  revenue: Array<{ currency_code: string; amount: string }>
}

/** The products sold most (by units) in the range, each with its item revenue per currency; whole months read from monthly sums. */
export function topProducts(db: SqlRunner, range: DayRange, channel: string | null, limit = 10): Promise<TopProductRow[]> {
  const { months, days } = monthSpans(range)
  return selectRows<TopProductRow>(
    db,
    `WITH sold AS (
       SELECT product_id, currency_code, units, revenue FROM sales_dashboard_product_month
        WHERE $3::date IS NOT NULL AND month >= $3::date AND month < $4::date AND ${channelFilter("$1")}
       UNION ALL
       SELECT product_id, currency_code, units, revenue FROM sales_dashboard_product_day
        WHERE ((day BETWEEN $5::date AND $6::date) OR (day BETWEEN $7::date AND $8::date)) AND ${channelFilter("$1")}
     ), per_currency AS (
       SELECT product_id, currency_code, sum(units)::int AS units, sum(revenue)::bigint AS revenue FROM sold GROUP BY 1, 2
     ), ranked AS (
       SELECT product_id, sum(units)::int AS units,
              jsonb_agg(jsonb_build_object('currency_code', currency_code, 'amount', revenue::text) ORDER BY currency_code) AS revenue
         FROM per_currency GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT $2
     )
     SELECT r.product_id, p.title, r.units, r.revenue FROM ranked r LEFT JOIN product p ON p.id = r.product_id
      ORDER BY r.units DESC, r.product_id`,
    [
      channel,
      limit,
      months?.first ?? null,
      months?.end ?? null,
      days[0]?.from ?? null,
      days[0]?.to ?? null,
      days[1]?.from ?? null,
      days[1]?.to ?? null,
    ]
  )
}

/** Carts that got a line, created in the range. */
export async function cartsInRange(db: SqlRunner, range: DayRange, channel: string | null): Promise<number> {
  const row = await selectRow<{ carts: number | null }>(
    db,
    `SELECT sum(carts)::int AS carts FROM sales_dashboard_cart_day WHERE day BETWEEN $1 AND $2 AND ${channelFilter("$3")}`,
    [range.from, range.to, channel]
  )
  return Number(row?.carts ?? 0)
}

/** How far the rollups are up to date; null before the first refresh. */
export async function refreshedThrough(db: SqlRunner): Promise<WatermarkRow["refreshed_through"] | null> {
  const row = await selectRow<Pick<WatermarkRow, "refreshed_through">>(db, `SELECT refreshed_through FROM sales_dashboard_watermark WHERE id = 1`)
  return row?.refreshed_through ?? null
}

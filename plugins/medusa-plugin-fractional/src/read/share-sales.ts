// What other plugins may read of share sales (the sales dashboard): shares sold per day,
// from the reservations that became orders. Released reservations (canceled, refunded or
// abandoned) are not sales.

/** Anything that runs SQL with positional parameters: a TypeORM EntityManager or a pg client. */
export type SqlQueryable = { query(sql: string, params?: unknown[]): Promise<unknown> }

export type ShareSalesDay = { day: string; shares: number; orders: number }

/** Shares sold per UTC day (by the reservation's creation) from `from` to `to`, both included. */
export async function shareSalesPerDay(db: SqlQueryable, from: string, to: string): Promise<ShareSalesDay[]> {
  const rows = (await db.query(
    `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
            sum(quantity)::int AS shares, count(DISTINCT order_id)::int AS orders
       FROM fractional_share_reservation
      WHERE order_id IS NOT NULL AND status <> 'released'
        AND created_at >= $1::timestamp AT TIME ZONE 'UTC' AND created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
      GROUP BY 1 ORDER BY 1`,
    [from, to]
  )) as ShareSalesDay[]
  return rows.map((r) => ({ day: r.day, shares: Number(r.shares), orders: Number(r.orders) }))
}

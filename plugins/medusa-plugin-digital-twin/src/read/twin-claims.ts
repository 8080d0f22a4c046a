// What other plugins may read of twin claims (the sales dashboard): how many twins were
// claimed (a voucher issued to the buyer's wallet) and minted per day, from the twins'
// own event log. No wallet or customer leaves this function.

/** Anything that runs SQL with positional parameters: a TypeORM EntityManager or a pg client. */
export type SqlQueryable = { query(sql: string, params?: unknown[]): Promise<unknown> }

export type TwinClaimsDay = { day: string; claimed: number; minted: number }

/** Twins claimed and minted per UTC day from `from` to `to`, both included; a re-issued voucher counts its twin once a day. */
export async function twinClaimsPerDay(db: SqlQueryable, from: string, to: string): Promise<TwinClaimsDay[]> {
  const rows = (await db.query(
    `SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
            count(DISTINCT twin_id) FILTER (WHERE kind = 'claim_issued')::int AS claimed,
            count(DISTINCT twin_id) FILTER (WHERE kind = 'minted')::int AS minted
       FROM digital_twin_event
      WHERE kind IN ('claim_issued', 'minted')
        AND occurred_at >= $1::timestamp AT TIME ZONE 'UTC' AND occurred_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
      GROUP BY 1 ORDER BY 1`,
    [from, to]
  )) as TwinClaimsDay[]
  return rows.map((r) => ({ day: r.day, claimed: Number(r.claimed), minted: Number(r.minted) }))
}

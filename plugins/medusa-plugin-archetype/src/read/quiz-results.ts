// What other plugins may read of the quiz's results (the sales dashboard's funnel): counts
// only, never a shopper's answers. The one place outside the services that reads archetype_result.

/** Anything that runs SQL with positional parameters: a TypeORM EntityManager or a pg client. */
export type SqlQueryable = { query(sql: string, params?: unknown[]): Promise<unknown> }

export type QuizResultsDay = { day: string; results: number }

/** Finished quizzes per UTC day from `from` to `to` (YYYY-MM-DD, both included); days without any are left out. */
export async function quizResultsPerDay(db: SqlQueryable, from: string, to: string): Promise<QuizResultsDay[]> {
  const rows = (await db.query(
    `SELECT to_char(day, 'YYYY-MM-DD') AS day, results
       FROM (SELECT (created_at AT TIME ZONE 'UTC')::date AS day, count(*)::int AS results
               FROM archetype_result
              WHERE created_at >= $1::timestamp AT TIME ZONE 'UTC' AND created_at < ($2::date + 1)::timestamp AT TIME ZONE 'UTC'
              GROUP BY 1) d
      ORDER BY 1`,
    [from, to]
  )) as Array<{ day: string; results: number }>
  return rows.map((r) => ({ day: r.day, results: Number(r.results) }))
}

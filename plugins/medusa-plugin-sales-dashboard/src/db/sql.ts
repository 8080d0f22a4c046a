/** Anything that runs SQL with positional parameters: a TypeORM EntityManager or a pg client. */
export type SqlQueryable = { query(sql: string, params?: unknown[]): Promise<unknown> }

/** Rows of a SELECT, typed by the caller who wrote the SELECT. */
export async function rows<T>(db: SqlQueryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await db.query(sql, params)
  if (Array.isArray(result)) return result as T[]
  // pg's own client answers with { rows }.
  if (result && typeof result === "object" && "rows" in result && Array.isArray((result as { rows: unknown }).rows)) {
    return (result as { rows: T[] }).rows
  }
  return []
}

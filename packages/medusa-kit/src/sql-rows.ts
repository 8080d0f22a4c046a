/** TypeORM's `query` answers an UPDATE/DELETE ... RETURNING with [rows, affected]; SELECT and INSERT with rows. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number" ? result[0] : (result as T[])
}

/**
 * What a table's home runs its SQL on: a TypeORM EntityManager or QueryRunner (answering with
 * rows), or a node-postgres client or pool (answering with a result that holds them).
 */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>
}

function rowsOfAnyRunner(result: unknown): unknown[] {
  if (result && typeof result === "object" && !Array.isArray(result) && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: unknown[] }).rows
  }
  const rows: unknown = rowsOf(result)
  return Array.isArray(rows) ? rows : []
}

/**
 * The rows `sql` answers with, typed as the table home that wrote the SQL says they are; the
 * drift test checks that home's columns against the database.
 */
export async function selectRows<T>(db: SqlRunner, sql: string, params: unknown[] = []): Promise<T[]> {
  return rowsOfAnyRunner(await db.query(sql, params)) as T[]
}

/** The first row `sql` answers with, or null. */
export async function selectRow<T>(db: SqlRunner, sql: string, params: unknown[] = []): Promise<T | null> {
  const [row] = await selectRows<T>(db, sql, params)
  return row ?? null
}

/** Runs a statement whose rows nobody reads; answers how many rows it returned (with RETURNING). */
export async function execute(db: SqlRunner, sql: string, params: unknown[] = []): Promise<number> {
  return (await selectRows<unknown>(db, sql, params)).length
}

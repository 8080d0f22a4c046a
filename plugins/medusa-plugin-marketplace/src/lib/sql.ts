// The one thing the table modules need from a connection: TypeORM's EntityManager and a pg
// Pool both answer `query(text, params)`.
import { rowsOf } from "@pva/medusa-kit"

export interface Sql {
  query(text: string, params?: unknown[]): Promise<unknown>
}

/** The rows of a query (TypeORM answers UPDATE/DELETE … RETURNING with [rows, affected]). */
export async function rows<T>(sql: Sql, text: string, params: unknown[] = []): Promise<T[]> {
  return rowsOf<T>(await sql.query(text, params))
}

/** Addresses as every market table stores them. */
export const lower = (addresses: readonly string[]) => addresses.map((a) => a.toLowerCase())

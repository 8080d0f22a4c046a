/** TypeORM's `query` answers an UPDATE/DELETE ... RETURNING with [rows, affected]; SELECT and INSERT with rows. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === "number" ? result[0] : (result as T[])
}

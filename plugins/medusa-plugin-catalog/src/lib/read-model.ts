import {
  ALL_PRODUCT_IDS_SQL,
  DELETE_ENTRIES_SQL,
  INSERT_ENTRIES_SQL,
  NOTIFY_REFRESHED_SQL,
  QUEUE_DUE_PRICE_CHANGES_SQL,
  REFRESH_LOCK_SQL,
  TAKE_OUTBOX_SQL,
} from "./read-model-sql"

/** Runs a query; `transaction` runs a callback on one connection inside BEGIN/COMMIT. */
export type Sql = (text: string, params?: unknown[]) => Promise<any[]>
export type Transactional = { transaction<T>(work: (sql: Sql) => Promise<T>): Promise<T> }

const OUTBOX_BATCH = 2000
export const REBUILD_BATCH = 500

/** Rebuilds the given products' rows; call inside a transaction holding the refresh lock. */
async function refreshProducts(sql: Sql, productIds: string[]): Promise<void> {
  if (!productIds.length) return
  await sql(DELETE_ENTRIES_SQL, [productIds])
  await sql(INSERT_ENTRIES_SQL, [productIds])
  await sql(NOTIFY_REFRESHED_SQL)
}

/**
 * Drains the outbox until it is empty; answers the product ids it refreshed
 * (`all: true` when a full rebuild was asked for).
 */
export async function drainOutbox(db: Transactional): Promise<{ productIds: string[]; all: boolean }> {
  const refreshed = new Set<string>()
  let all = false
  for (;;) {
    const batch = await db.transaction(async (sql) => {
      await sql(REFRESH_LOCK_SQL)
      const rows: Array<{ product_id: string | null }> = await sql(TAKE_OUTBOX_SQL, [OUTBOX_BATCH])
      if (!rows.length) return 0
      if (rows.some((r) => r.product_id === null)) {
        all = true
        await rebuildAllIn(sql)
      } else {
        const ids = [...new Set(rows.map((r) => r.product_id as string))]
        await refreshProducts(sql, ids)
        ids.forEach((id) => refreshed.add(id))
      }
      return rows.length
    })
    if (batch < OUTBOX_BATCH) return { productIds: [...refreshed], all }
  }
}

/**
 * Puts the products whose price list has started or ended since their rows were built
 * into the outbox; answers how many. Under the refresh lock, so it never races a
 * refresh rewriting the same rows.
 */
export async function queueDuePriceChanges(db: Transactional): Promise<number> {
  return db.transaction(async (sql) => {
    await sql(REFRESH_LOCK_SQL)
    return (await sql(QUEUE_DUE_PRICE_CHANGES_SQL)).length
  })
}

async function rebuildAllIn(sql: Sql) {
  const ids: string[] = (await sql(ALL_PRODUCT_IDS_SQL)).map((r) => r.id)
  await sql(`DELETE FROM catalog_entry WHERE NOT (product_id = ANY($1::text[]))`, [ids])
  await sql(NOTIFY_REFRESHED_SQL)
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) await refreshProducts(sql, ids.slice(i, i + REBUILD_BATCH))
}

/**
 * Rebuilds every row, a batch of products per transaction so readers and writers are
 * never held up for long; `onProgress` hears after each batch.
 */
export async function rebuildAll(db: Transactional, onProgress?: (done: number, total: number) => void): Promise<number> {
  const ids: string[] = (await db.transaction((sql) => sql(ALL_PRODUCT_IDS_SQL))).map((r) => r.id)
  await db.transaction(async (sql) => {
    await sql(REFRESH_LOCK_SQL)
    await sql(`DELETE FROM catalog_entry WHERE NOT (product_id = ANY($1::text[]))`, [ids])
    await sql(NOTIFY_REFRESHED_SQL)
  })
  onProgress?.(0, ids.length)
  for (let i = 0; i < ids.length; i += REBUILD_BATCH) {
    const batch = ids.slice(i, i + REBUILD_BATCH)
    await db.transaction(async (sql) => {
      await sql(REFRESH_LOCK_SQL)
      await refreshProducts(sql, batch)
    })
    onProgress?.(Math.min(ids.length, i + batch.length), ids.length)
  }
  return ids.length
}

import { MeiliSearch } from "meilisearch"
import type { Sql } from "../lib/read-model"
import { type CatalogDocument, INDEX_SETTINGS, MEILI_INDEX, type MeiliOptions } from "./meilisearch"

const DOCUMENTS_SQL = `
SELECT product_id, region_id, min(currency_code) AS currency_code, array_agg(sales_channel_id ORDER BY sales_channel_id) AS sales_channel_ids,
       min(title) AS title, min(subtitle) AS subtitle, min(handle) AS handle, min(thumbnail) AS thumbnail, min(collection_id) AS collection_id,
       (array_agg(category_ids))[1] AS category_ids, (array_agg(partner))[1] AS partner, bool_or(digital_twin) AS digital_twin,
       min(price)::float AS price, min(original_price)::float AS original_price, bool_or(in_stock) AS in_stock, (extract(epoch FROM min(product_created_at)) * 1000)::float AS created_at,
       min(search_text) AS search_text
  FROM catalog_entry
 WHERE $1::text[] IS NULL OR product_id = ANY($1::text[])
 GROUP BY product_id, region_id`
const TIMEOUT_MS = 30_000
const BATCH = 5000

/**
 * Copies the Postgres read model into Meilisearch after each refresh, so both engines
 * answer from the same rows; waits for Meilisearch to apply it before the refresh counts as done.
 */
export class MeilisearchMirror {
  private readonly client: MeiliSearch
  private readonly index: string
  private ready?: Promise<void>

  constructor(options: MeiliOptions) {
    this.client = new MeiliSearch({ host: options.host, apiKey: options.apiKey })
    this.index = options.index ?? MEILI_INDEX
  }

  private async ensureIndex() {
    this.ready ??= (async () => {
      const created = await this.client.createIndex(this.index, { primaryKey: "id" }).catch(() => null)
      if (created) await this.client.waitForTask(created.taskUid, { timeOutMs: TIMEOUT_MS })
      const task = await this.client.index(this.index).updateSettings(INDEX_SETTINGS as any)
      await this.client.waitForTask(task.taskUid, { timeOutMs: TIMEOUT_MS })
    })().catch((err) => {
      this.ready = undefined
      throw err
    })
    return this.ready
  }

  /**
   * Mirrors the given products (all of them when `productIds` is null): documents are
   * replaced in place, so a search never sees a product missing while it is re-sent,
   * then the documents of products no longer listed in a region are deleted.
   * `fresh`: start from an empty index (the CLI's rebuild).
   */
  async sync(sql: Sql, productIds: string[] | null, opts: { fresh?: boolean } = {}): Promise<void> {
    await this.ensureIndex()
    const index = this.client.index(this.index)
    const tasks: number[] = []
    if (opts.fresh) tasks.push((await index.deleteAllDocuments()).taskUid)
    const rows: any[] = await sql(DOCUMENTS_SQL, [productIds])
    const docs: CatalogDocument[] = rows.map((r) => ({
      id: `${r.product_id}__${r.region_id}`,
      ...r,
      price: r.price === null ? undefined : r.price,
      original_price: r.original_price === null ? undefined : r.original_price,
      twin_rank: r.digital_twin ? 1 : 0,
    }))
    for (let i = 0; i < docs.length; i += BATCH) tasks.push((await index.addDocuments(docs.slice(i, i + BATCH))).taskUid)
    if (productIds?.length) {
      const kept = new Set(docs.map((d) => d.id))
      const regions: Array<{ id: string }> = await sql(`SELECT id FROM region`)
      const gone = productIds.flatMap((p) => regions.map((r) => `${p}__${r.id}`)).filter((id) => !kept.has(id))
      if (gone.length) tasks.push((await index.deleteDocuments(gone)).taskUid)
    }
    if (tasks.length) await this.client.waitForTasks(tasks, { timeOutMs: TIMEOUT_MS, intervalMs: 20 })
  }
}

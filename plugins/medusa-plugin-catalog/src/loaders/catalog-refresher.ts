import { CatalogRefresher } from "../lib/outbox-listener"
import type { Sql } from "../lib/read-model"
import { CATALOG_PRODUCTS_CHANGED } from "../lib/events"
import { catalogResults } from "../lib/result-cache"
import { NOTIFY_REFRESHED_SQL } from "../lib/read-model-sql"
import { MeilisearchMirror } from "../engines/meilisearch-mirror"
import type { MeiliOptions } from "../engines/meilisearch"

export type CatalogPluginOptions = {
  /** Set: the catalog answers from Meilisearch, mirrored from the Postgres read model. */
  meilisearch?: MeiliOptions
  /** false: this process does not refresh the read model (another process or the CLI does). Default true. */
  refresh?: boolean
  pollIntervalMs?: number
}

let running: CatalogRefresher | undefined

/**
 * Starts the read model's refresher in this process: it listens for the outbox
 * triggers' notifications, so a write shows in the catalog within a second, and
 * for other processes' refreshes, which start this process's answer cache over.
 */
export default async function catalogRefresherLoader(container: any, options: CatalogPluginOptions = {}): Promise<void> {
  const { projectConfig } = container.resolve("configModule")
  const logger = container.resolve("logger")
  if (!projectConfig.database_url) return
  await running?.stop()
  const mirror = options.meilisearch?.host ? new MeilisearchMirror(options.meilisearch) : undefined
  running = new CatalogRefresher({
    databaseUrl: projectConfig.database_url,
    logger,
    pollIntervalMs: options.pollIntervalMs,
    drain: options.refresh !== false && process.env.CATALOG_REFRESH !== "false",
    onReadModelChanged: () => catalogResults.invalidate(),
    // Subscribers (the storefronts' cache) hear exactly which products changed, whatever wrote them.
    // Straight to the event bus module: Medusa's EventBusService stages every event in a
    // table polled every 3 s, and the change is already committed.
    onRefreshed: async ({ productIds, all }, sql) => {
      // the Postgres commit already told every process; Meilisearch answers differ only now
      if (mirror && (await syncMirror(mirror, sql, all ? null : productIds, logger))) await sql(NOTIFY_REFRESHED_SQL)
      const bus = container.hasRegistration("eventBusModuleService")
        ? container.resolve("eventBusModuleService")
        : container.resolve("eventBusService")
      Promise.resolve(bus.emit(CATALOG_PRODUCTS_CHANGED, { product_ids: productIds, all })).catch((err: Error) =>
        logger.warn(`${CATALOG_PRODUCTS_CHANGED}: ${err.message}`)
      )
    },
  })
  await running.start()
  // Meilisearch may have been added after the read model was built, or be empty after a restart.
  if (mirror) {
    const sql = async (text: string, params?: unknown[]) => (await container.resolve("manager").query(text, params)) as any[]
    void syncMirror(mirror, sql, null, logger)
  }
}

// Products whose mirroring failed, retried with the next refresh; null = everything.
let unmirrored: Set<string> | null = new Set()

async function syncMirror(mirror: MeilisearchMirror, sql: Sql, productIds: string[] | null, logger: { warn(msg: string): void }): Promise<boolean> {
  const ids = productIds === null || unmirrored === null ? null : [...new Set([...unmirrored, ...productIds])]
  try {
    await mirror.sync(sql, ids)
    unmirrored = new Set()
    return true
  } catch (err: any) {
    unmirrored = ids === null ? null : new Set(ids)
    logger.warn(`catalog: Meilisearch mirror failed (${err.message}); retried with the next change`)
    return false
  }
}

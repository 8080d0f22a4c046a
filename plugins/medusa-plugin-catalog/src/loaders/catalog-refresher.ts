import { CatalogRefresher } from "../lib/outbox-listener"
import type { Sql } from "../lib/read-model"
import { CATALOG_PRODUCTS_CHANGED } from "../lib/events"
import { catalogResults } from "../lib/result-cache"
import { NOTIFY_REFRESHED_SQL } from "../lib/read-model-sql"
import { MeilisearchMirror } from "../engines/meilisearch-mirror"
import { readCatalogConfig, type CatalogPluginOptions } from "../lib/config"

export type { CatalogPluginOptions }

let running: CatalogRefresher | undefined

/**
 * Starts the read model's refresher in this process: it listens for the outbox
 * triggers' notifications, so a write shows in the catalog within a second, and
 * for other processes' refreshes, which start this process's answer cache over.
 */
export default async function catalogRefresherLoader(container: any, options: CatalogPluginOptions = {}): Promise<void> {
  // Read before anything else: a bad option or CATALOG_REFRESH stops the start.
  const config = readCatalogConfig(options)
  const { projectConfig } = container.resolve("configModule")
  const logger = container.resolve("logger")
  if (!projectConfig.database_url) return
  await running?.stop()
  const mirror = config.meilisearch ? new MeilisearchMirror(config.meilisearch) : undefined
  running = new CatalogRefresher({
    databaseUrl: projectConfig.database_url,
    logger,
    pollIntervalMs: config.pollIntervalMs,
    drain: config.refresh,
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

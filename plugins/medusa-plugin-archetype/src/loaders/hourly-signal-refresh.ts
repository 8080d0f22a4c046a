const HOUR_MS = 60 * 60 * 1000

/**
 * Medusa 1.x runs scheduled jobs only on Redis; on the embedded default (no Redis)
 * the hourly refresh runs in-process instead. API-only processes leave it to the worker.
 */
export default async function hourlySignalRefresh(container: any): Promise<void> {
  const { projectConfig } = container.resolve("configModule")
  if (projectConfig.redis_url || projectConfig.worker_mode === "server" || process.argv.includes("seed")) return
  const logger = container.resolve("logger")
  const timer = setInterval(() => {
    container
      .resolve("recommendationSignalsService")
      .refreshAll()
      .catch((err: Error) => logger.warn(`recommendation signal refresh failed: ${err.message}`))
  }, HOUR_MS)
  timer.unref()
}

import { readServerEnv } from "../config/env"
import { scheduleDaily } from "../lib/daily-scheduler"

/**
 * Starts the webhook delivery worker (a poller over the outbox table, so it works
 * the same on the local and the Redis event bus, and resumes pending rows after a
 * restart) and, without Redis, the in-process nightly feed sync. API-only
 * processes (MEDUSA_WORKER_MODE=server) leave both to the worker.
 */
export default async function partnerAutomation(container: any): Promise<void> {
  const env = readServerEnv()
  if (env.workerMode === "server" || process.argv[2] === "seed") return
  const logger = container.resolve("logger")
  container.resolve("webhookDeliveryService").startWorker()
  if (!env.redisUrl) {
    scheduleDaily(
      env.automation.partnerFeedSyncHourUtc,
      () => container.resolve("partnerFeedSyncService").syncAll("schedule"),
      (err) => logger.warn(`partner feed sync failed: ${err.message}`)
    )
  }
}

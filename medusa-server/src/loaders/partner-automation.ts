import { runPeriodically } from "@pva/medusa-kit"
import { readServerEnv } from "../config/env"

/**
 * Starts the webhook delivery worker (a poller over the outbox table, so it works
 * the same on the local and the Redis event bus, and resumes pending rows after a
 * restart) and, without Redis, the in-process nightly feed sync. API-only
 * processes (MEDUSA_WORKER_MODE=server) leave both to the worker.
 */
export default async function partnerAutomation(container: any): Promise<void> {
  const env = readServerEnv()
  if (env.workerMode === "server" || process.argv[2] === "seed") return
  container.resolve("webhookDeliveryService").startWorker()
  if (!env.redisUrl) {
    runPeriodically({
      name: "partner feed sync",
      schedule: { dailyAtHourUtc: env.automation.partnerFeedSyncHourUtc },
      task: () => container.resolve("partnerFeedSyncService").syncAll("schedule"),
      logger: container.resolve("logger"),
    })
  }
}

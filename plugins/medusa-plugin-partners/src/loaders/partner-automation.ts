import { isApiOnlyProcess, runPeriodically } from "@pva/medusa-kit"
import { PartnersPluginOptions, resolvePartnerSettings } from "../lib/settings"

/**
 * Starts the webhook delivery worker (a poller over the outbox table, so it works
 * the same on the local and the Redis event bus, and resumes pending rows after a
 * restart) and, without Redis, the in-process nightly feed sync. API-only
 * processes (MEDUSA_WORKER_MODE=server) and `seed` leave both to the worker.
 */
export default async function partnerAutomation(container: any, options: PartnersPluginOptions = {}): Promise<void> {
  const { projectConfig } = container.resolve("configModule")
  if (projectConfig.worker_mode === "server" || isApiOnlyProcess()) return
  container.resolve("webhookDeliveryService").startWorker()
  if (!projectConfig.redis_url) {
    runPeriodically({
      name: "partner feed sync",
      schedule: { dailyAtHourUtc: resolvePartnerSettings(options).feedSyncHourUtc },
      task: () => container.resolve("partnerFeedSyncService").syncAll("schedule"),
      logger: container.resolve("logger"),
    })
  }
}

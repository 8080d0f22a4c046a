import { isApiOnlyProcess, scheduleWithoutRedis, type SchedulingContainer } from "@pva/medusa-kit"
import type WebhookDeliveryService from "../services/webhook-delivery"
import { feedSyncJob } from "../lib/feed-sync-job"
import { PartnersPluginOptions, resolvePartnerSettings } from "../lib/settings"

/**
 * Starts the webhook delivery worker (a poller over the outbox table, so it works
 * the same on the local and the Redis event bus, and resumes pending rows after a
 * restart) and, without Redis, the feed sync on its schedule. API-only
 * processes (MEDUSA_WORKER_MODE=server) and `seed` leave both to the worker.
 */
export default async function partnerAutomation(container: SchedulingContainer, options: PartnersPluginOptions = {}): Promise<void> {
  const { projectConfig } = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule")
  if (projectConfig.worker_mode === "server" || isApiOnlyProcess()) return
  container.resolve<WebhookDeliveryService>("webhookDeliveryService").startWorker()
  scheduleWithoutRedis(container, feedSyncJob(resolvePartnerSettings(options)))
}

// Tells bidders an auction they bid on ends soon: a periodic look on medusa-kit's scheduler,
// each firing claimed first (in Redis when the server has it, else in scheduled_job_run), so it
// runs in one process however many are up. API-only processes and `seed` leave it to the worker.
import { scheduleInContainer, type SchedulingContainer } from "@pva/medusa-kit"
import { resolveSettings, type MarketplacePluginOptions } from "../lib/settings"
import type MarketEmailService from "../services/market-email"

export default async function auctionEndingSoon(container: SchedulingContainer, options: MarketplacePluginOptions = {}): Promise<void> {
  scheduleInContainer(container, {
    name: "market: auction ending soon emails",
    schedule: { everyMs: resolveSettings(options).endingSoonCheckMs },
    task: () => container.resolve<MarketEmailService>("marketEmailService").sendEndingSoon(),
  })
}

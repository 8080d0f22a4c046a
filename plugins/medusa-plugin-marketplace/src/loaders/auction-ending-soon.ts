// Tells bidders an auction they bid on ends soon: a periodic look through the one shared
// scheduler (API-only processes and `seed` leave it to the worker).
import { isApiOnlyProcess, runPeriodically } from "@pva/medusa-kit"
import { resolveSettings, type MarketplacePluginOptions } from "../lib/settings"
import type MarketEmailService from "../services/market-email"

type Container = { resolve<T>(name: string): T }

export default async function auctionEndingSoon(container: Container, options: MarketplacePluginOptions = {}): Promise<void> {
  const { projectConfig } = container.resolve<{ projectConfig: { worker_mode?: string } }>("configModule")
  if (projectConfig.worker_mode === "server" || isApiOnlyProcess()) return
  runPeriodically({
    name: "market auction ending soon emails",
    schedule: { everyMs: resolveSettings(options).endingSoonCheckMs },
    task: () => container.resolve<MarketEmailService>("marketEmailService").sendEndingSoon(),
    logger: container.resolve<{ warn: (m: string) => void }>("logger"),
  })
}

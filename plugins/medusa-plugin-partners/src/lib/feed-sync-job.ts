import type { PluginJob } from "@pva/medusa-kit"
import type PartnerFeedSyncService from "../services/partner-feed-sync"
import type { PartnerSettings } from "./settings"

/** The partners' inventory feed sync on its schedule (PARTNER_FEED_SYNC_SCHEDULE, else daily at PARTNER_FEED_SYNC_HOUR_UTC). */
export function feedSyncJob(settings: Pick<PartnerSettings, "feedSyncSchedule">): PluginJob {
  return {
    name: "pva-partner-feed-sync",
    cron: settings.feedSyncSchedule,
    run: (container) => container.resolve<PartnerFeedSyncService>("partnerFeedSyncService").syncAll("schedule"),
  }
}

import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import { claimScheduledRun } from "../lib/scheduled-runs"
import { resolvePartnerSettings } from "../lib/settings"

const NAME = "pva-partner-feed-sync"
// Medusa 1.x reads a job's config when it loads the file, without plugin options: the cron
// comes from the environment (PARTNER_FEED_SYNC_SCHEDULE, else daily at PARTNER_FEED_SYNC_HOUR_UTC).
const schedule = resolvePartnerSettings().feedSyncSchedule

/** Nightly partner inventory sync (Medusa registers scheduled jobs only when Redis is configured). */
export default async function partnerFeedSync({ container }: ScheduledJobArgs) {
  if (!(await claimScheduledRun(container.resolve("manager"), NAME, schedule))) return
  await container.resolve("partnerFeedSyncService").syncAll("schedule")
}

export const config: ScheduledJobConfig = { name: NAME, schedule, data: {} }

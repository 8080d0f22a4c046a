import { medusaJobConfig, medusaJobHandler } from "@pva/medusa-kit"
import { feedSyncJob } from "../lib/feed-sync-job"
import { resolvePartnerSettings } from "../lib/settings"

// Medusa 1.x reads a job's config when it loads the file, without plugin options: the cron
// comes from the environment (PARTNER_FEED_SYNC_SCHEDULE, else daily at PARTNER_FEED_SYNC_HOUR_UTC).
const job = feedSyncJob(resolvePartnerSettings())

/** The feed sync on Medusa's Redis scheduler; without Redis the plugin's loader fires it. */
export default medusaJobHandler(job)
export const config = medusaJobConfig(job)

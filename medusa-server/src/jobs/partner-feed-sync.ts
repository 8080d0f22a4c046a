import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import { readServerEnv } from "../config/env"

/** Nightly partner inventory sync (Medusa registers scheduled jobs only when Redis is configured). */
export default async function partnerFeedSync({ container }: ScheduledJobArgs) {
  await container.resolve("partnerFeedSyncService").syncAll("schedule")
}

export const config: ScheduledJobConfig = {
  name: "pva-partner-feed-sync",
  schedule: `0 ${readServerEnv().automation.partnerFeedSyncHourUtc} * * *`,
  data: {},
}

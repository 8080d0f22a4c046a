import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import { readServerEnv } from "../config/env"
import { claimScheduledRun } from "../lib/scheduled-runs"

const NAME = "pva-partner-feed-sync"
const schedule = readServerEnv().automation.partnerFeedSyncSchedule

/** Nightly partner inventory sync (Medusa registers scheduled jobs only when Redis is configured). */
export default async function partnerFeedSync({ container }: ScheduledJobArgs) {
  if (!(await claimScheduledRun(container.resolve("manager"), NAME, schedule))) return
  await container.resolve("partnerFeedSyncService").syncAll("schedule")
}

export const config: ScheduledJobConfig = { name: NAME, schedule, data: {} }

import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"

/** Hourly rebuild, so popularity decays and any missed order event is healed within the hour. */
export default async function refreshRecommendationSignals({ container }: ScheduledJobArgs) {
  await container.resolve("recommendationSignalsService").refreshAll()
}

export const config: ScheduledJobConfig = {
  name: "archetype-refresh-recommendation-signals",
  schedule: "0 * * * *",
  data: {},
}

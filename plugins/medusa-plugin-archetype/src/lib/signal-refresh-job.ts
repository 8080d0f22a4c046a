import type { PluginJob } from "@pva/medusa-kit"
import type RecommendationSignalsService from "../services/recommendation-signals"

/** Hourly rebuild, so popularity decays and any missed order event is healed within the hour. */
export const signalRefreshJob: PluginJob = {
  name: "archetype-refresh-recommendation-signals",
  cron: "0 * * * *",
  run: (container) => container.resolve<RecommendationSignalsService>("recommendationSignalsService").refreshAll(),
}

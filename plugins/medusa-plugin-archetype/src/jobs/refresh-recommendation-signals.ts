import { medusaJobConfig, medusaJobHandler } from "@pva/medusa-kit"
import { signalRefreshJob } from "../lib/signal-refresh-job"

/** The hourly refresh on Medusa's Redis scheduler; without Redis the plugin's loader fires it. */
export default medusaJobHandler(signalRefreshJob)
export const config = medusaJobConfig(signalRefreshJob)

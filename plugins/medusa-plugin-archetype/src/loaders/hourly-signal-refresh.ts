import { scheduleWithoutRedis, type SchedulingContainer } from "@pva/medusa-kit"
import { signalRefreshJob } from "../lib/signal-refresh-job"

/** Medusa 1.x runs scheduled jobs only on Redis; on the embedded default the hourly refresh runs from here. */
export default async function hourlySignalRefresh(container: SchedulingContainer): Promise<void> {
  scheduleWithoutRedis(container, signalRefreshJob)
}

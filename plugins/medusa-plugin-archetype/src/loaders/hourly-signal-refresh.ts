import { scheduleWithoutRedis, type SchedulingContainer } from "@pva/medusa-kit"
import { readArchetypeConfig } from "../lib/config"
import { signalRefreshJob } from "../lib/signal-refresh-job"

/** Medusa 1.x runs scheduled jobs only on Redis; on the embedded default the hourly refresh runs from here. */
export default async function hourlySignalRefresh(container: SchedulingContainer, options: Record<string, unknown> = {}): Promise<void> {
  // The plugin's one loader: its options are checked here, at start (Medusa logs a loader's error).
  readArchetypeConfig(options)
  scheduleWithoutRedis(container, signalRefreshJob)
}

import { isApiOnlyProcess, runPeriodically } from "@pva/medusa-kit"

/** Medusa 1.x runs scheduled jobs only on Redis; on the embedded default the hourly refresh runs in-process. */
export default async function hourlySignalRefresh(container: any): Promise<void> {
  const { projectConfig } = container.resolve("configModule")
  if (projectConfig.redis_url || projectConfig.worker_mode === "server" || isApiOnlyProcess()) return
  runPeriodically({
    name: "recommendation signal refresh",
    schedule: { everyMs: 60 * 60 * 1000 },
    task: () => container.resolve("recommendationSignalsService").refreshAll(),
    logger: container.resolve("logger"),
  })
}

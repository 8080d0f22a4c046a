// Every few seconds, wallet eligibility changes whose attempt failed (chain down, a revert)
// and whose backoff has passed are sent again, so a KYC decision always reaches the chain.
import { isApiOnlyProcess, runPeriodically } from "@pva/medusa-kit"
import type EligibilityQueueService from "../services/eligibility-queue"

const INTERVAL_MS = 5_000

export default async function eligibilityRetryLoader(container: { resolve: <T>(name: string) => T }): Promise<void> {
  if (isApiOnlyProcess()) return
  runPeriodically({
    name: "fractional: retrying wallet eligibility on chain",
    schedule: { everyMs: INTERVAL_MS },
    task: () => container.resolve<EligibilityQueueService>("eligibilityQueueService").retryDue(),
    logger: container.resolve("logger"),
  })
}

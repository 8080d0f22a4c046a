// Every few seconds, wallet eligibility changes whose attempt failed (chain down, a revert)
// and whose backoff has passed are sent again, so a KYC decision always reaches the chain.
import { scheduleInContainer, type SchedulingContainer } from "@pva/medusa-kit"
import type EligibilityQueueService from "../services/eligibility-queue"

const INTERVAL_MS = 5_000

export default async function eligibilityRetryLoader(container: SchedulingContainer): Promise<void> {
  scheduleInContainer(container, {
    name: "fractional: retrying wallet eligibility on chain",
    schedule: { everyMs: INTERVAL_MS },
    task: () => container.resolve<EligibilityQueueService>("eligibilityQueueService").retryDue(),
  })
}

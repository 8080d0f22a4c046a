// Every few seconds, share lines of placed orders that were never minted (or whose mint
// reverted) are picked up again, so a failed event handler or a restart loses no mint.
import { scheduleInContainer, type SchedulingContainer } from "@pva/medusa-kit"
import type ShareReservationService from "../services/share-reservation"

const INTERVAL_MS = Number(process.env.FRACTIONAL_MINT_RETRY_MS || 10_000)

export default async function mintRetryLoader(container: SchedulingContainer): Promise<void> {
  scheduleInContainer(container, {
    name: "fractional: retrying stuck mints",
    schedule: { everyMs: INTERVAL_MS },
    task: () => container.resolve<ShareReservationService>("shareReservationService").retryStuckMints(),
  })
}

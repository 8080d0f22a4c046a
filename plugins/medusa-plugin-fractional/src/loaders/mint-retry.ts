// Every few seconds, share lines of placed orders that were never minted (or whose mint
// reverted) are picked up again, so a failed event handler or a restart loses no mint.
import { readConfig, scheduleInContainer, type SchedulingContainer } from "@pva/medusa-kit"
import { z } from "zod"
import type ShareReservationService from "../services/share-reservation"

const retryEnv = z.object({ FRACTIONAL_MINT_RETRY_MS: z.coerce.number().int().positive().default(10_000) })

export default async function mintRetryLoader(container: SchedulingContainer): Promise<void> {
  const { FRACTIONAL_MINT_RETRY_MS } = readConfig(retryEnv, { FRACTIONAL_MINT_RETRY_MS: process.env.FRACTIONAL_MINT_RETRY_MS || undefined })
  scheduleInContainer(container, {
    name: "fractional: retrying stuck mints",
    schedule: { everyMs: FRACTIONAL_MINT_RETRY_MS },
    task: () => container.resolve<ShareReservationService>("shareReservationService").retryStuckMints(),
  })
}

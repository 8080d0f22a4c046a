// Every few seconds, share lines of placed orders that were never minted (or whose mint
// reverted) are picked up again, so a failed event handler or a restart loses no mint.
import type ShareReservationService from "../services/share-reservation"

const INTERVAL_MS = Number(process.env.FRACTIONAL_MINT_RETRY_MS || 10_000)

export default async function mintRetryLoader(container: { resolve: <T>(name: string) => T }): Promise<void> {
  if (process.env.MEDUSA_WORKER_MODE === "server") return
  const logger = container.resolve<{ warn: (m: string) => void }>("logger")
  let busy = false
  const timer = setInterval(async () => {
    if (busy) return
    busy = true
    try {
      await container.resolve<ShareReservationService>("shareReservationService").retryStuckMints()
    } catch (error) {
      logger.warn(`fractional: retrying stuck mints failed: ${(error as Error).message}`)
    } finally {
      busy = false
    }
  }, INTERVAL_MS)
  timer.unref()
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CHAIN_LOG_REMOVED } from "@pva/medusa-kit/events"
import type ShareHoldingService from "../services/share-holding"
import type { ChainLogEvent } from "../services/share-holding"

/** A share movement orphaned by a reorg is undone in the mirror (a settled mint goes back to pending). */
export default async function shareTransferRemoved({ data, container }: SubscriberArgs<ChainLogEvent>) {
  await container.resolve<ShareHoldingService>("shareHoldingService").revert(data)
}

export const config: SubscriberConfig = {
  event: CHAIN_LOG_REMOVED,
  context: { subscriberId: "fractional-share-transfer-removed" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CHAIN_LOG_CONFIRMED } from "@pva/medusa-kit/events"
import type ShareHoldingService from "../services/share-holding"
import type { ChainLogEvent } from "../services/share-holding"

/** Chain sync's confirmed share movements update the holdings mirror (and settle mints). */
export default async function shareTransferConfirmed({ data, container }: SubscriberArgs<ChainLogEvent>) {
  await container.resolve<ShareHoldingService>("shareHoldingService").apply(data)
}

export const config: SubscriberConfig = {
  event: CHAIN_LOG_CONFIRMED,
  context: { subscriberId: "fractional-share-transfer-confirmed" },
}

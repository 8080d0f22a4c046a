import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type ShareHoldingService from "../services/share-holding"
import type { ChainLogEvent } from "../services/share-holding"

/** Chain sync's confirmed and removed logs move the share holdings mirror (and settle mints). */
export default async function shareTransferHandler({ data, eventName, container }: SubscriberArgs<ChainLogEvent>) {
  const holdings: ShareHoldingService = container.resolve("shareHoldingService")
  if (eventName === "chain.log.removed") await holdings.revert(data)
  else await holdings.apply(data)
}

export const config: SubscriberConfig = {
  event: ["chain.log.confirmed", "chain.log.removed"],
  context: { subscriberId: "fractional-share-transfers" },
}

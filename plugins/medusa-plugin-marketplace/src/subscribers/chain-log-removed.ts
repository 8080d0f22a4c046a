import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CHAIN_LOG_REMOVED, type ChainLogEvent } from "@pva/medusa-kit/events"
import type MarketSyncService from "../services/market-sync"

/** A PVAMarket log orphaned by a reorg is taken back: its listing or offer is refolded without it. */
export default async function marketLogRemoved({ data, container }: SubscriberArgs<ChainLogEvent>) {
  await container.resolve<MarketSyncService>("marketSyncService").applyRemoved(data)
}

export const config: SubscriberConfig = {
  event: CHAIN_LOG_REMOVED,
  context: { subscriberId: "marketplace-chain-log-removed" },
}

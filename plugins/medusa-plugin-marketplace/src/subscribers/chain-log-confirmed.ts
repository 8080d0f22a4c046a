import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CHAIN_LOG_CONFIRMED, type ChainLogEvent } from "@pva/medusa-kit/events"
import type MarketSyncService from "../services/market-sync"

/** A confirmed PVAMarket log is applied to the market read model. */
export default async function marketLogConfirmed({ data, container }: SubscriberArgs<ChainLogEvent>) {
  await container.resolve<MarketSyncService>("marketSyncService").applyConfirmed(data)
}

export const config: SubscriberConfig = {
  event: CHAIN_LOG_CONFIRMED,
  context: { subscriberId: "marketplace-chain-log-confirmed" },
}

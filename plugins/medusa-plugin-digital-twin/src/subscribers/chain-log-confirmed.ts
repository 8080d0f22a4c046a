import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CHAIN_LOG_CONFIRMED } from "@pva/medusa-kit/events"
import type TwinChainEventsService from "../services/twin-chain-events"
import type { ChainLog } from "../services/twin-chain-events"

export default async function applyConfirmedLog({ data, container }: SubscriberArgs<ChainLog>) {
  const events: TwinChainEventsService = container.resolve("twinChainEventsService")
  await events.applyConfirmed(data)
}

export const config: SubscriberConfig = {
  event: CHAIN_LOG_CONFIRMED,
  context: { subscriberId: "digital-twin-chain-log-confirmed" },
}

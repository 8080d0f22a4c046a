import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CHAIN_LOG_REMOVED } from "@pva/medusa-kit/events"
import type TwinChainEventsService from "../services/twin-chain-events"
import type { ChainLog } from "../services/twin-chain-events"

export default async function applyRemovedLog({ data, container }: SubscriberArgs<ChainLog>) {
  const events: TwinChainEventsService = container.resolve("twinChainEventsService")
  await events.applyRemoved(data)
}

export const config: SubscriberConfig = {
  event: CHAIN_LOG_REMOVED,
  context: { subscriberId: "digital-twin-chain-log-removed" },
}

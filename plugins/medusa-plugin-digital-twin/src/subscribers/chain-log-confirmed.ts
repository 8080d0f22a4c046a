import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type TwinChainEventsService from "../services/twin-chain-events"
import type { ChainLog } from "../services/twin-chain-events"

export default async function applyConfirmedLog({ data, container }: SubscriberArgs<ChainLog>) {
  const events: TwinChainEventsService = container.resolve("twinChainEventsService")
  await events.applyConfirmed(data)
}

export const config: SubscriberConfig = {
  event: "chain.log.confirmed",
  context: { subscriberId: "digital-twin-chain-log-confirmed" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type RecommendationSignalsService from "../services/recommendation-signals"

/** Keeps co-purchase and popularity current between hourly refreshes. */
export default async function countPlacedOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const signals: RecommendationSignalsService = container.resolve("recommendationSignalsService")
  await signals.recordOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "archetype-recommendation-signals" },
}

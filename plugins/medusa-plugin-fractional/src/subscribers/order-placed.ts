import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type ShareReservationService from "../services/share-reservation"

/** A placed order's share lines are minted to the buyer's wallet. */
export default async function mintSharesOfOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const reservations: ShareReservationService = container.resolve("shareReservationService")
  await reservations.mintOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "fractional-mint-shares" },
}

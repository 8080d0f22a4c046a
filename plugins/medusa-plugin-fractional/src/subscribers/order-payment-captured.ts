import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type ShareReservationService from "../services/share-reservation"

/** A paid order's share lines are minted to the buyer's wallet; nothing is minted before the money is in. */
export default async function mintSharesOfOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const reservations: ShareReservationService = container.resolve("shareReservationService")
  await reservations.mintOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.payment_captured",
  context: { subscriberId: "fractional-mint-shares" },
}

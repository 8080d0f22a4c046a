import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type ShareReservationService from "../services/share-reservation"

/** A canceled order's shares that were never minted go back on sale. */
export default async function releaseSharesOfCanceledOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const reservations: ShareReservationService = container.resolve("shareReservationService")
  await reservations.releaseUndoneOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "fractional-order-canceled" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type ShareReservationService from "../services/share-reservation"

/** An order refunded in full: its shares that were never minted go back on sale. */
export default async function releaseSharesOfRefundedOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const reservations: ShareReservationService = container.resolve("shareReservationService")
  await reservations.releaseUndoneOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.refund_created",
  context: { subscriberId: "fractional-order-refunded" },
}

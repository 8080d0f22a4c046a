import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type TwinRefundService from "../services/twin-refund"

/** A canceled order's twins are refunded by the asset policy (README). */
export default async function refundTwinsOfCanceledOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const refunds: TwinRefundService = container.resolve("twinRefundService")
  await refunds.settleOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.canceled",
  context: { subscriberId: "digital-twin-order-canceled" },
}

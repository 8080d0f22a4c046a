import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type TwinRefundService from "../services/twin-refund"

/** An order refunded in full: its twins are refunded by the asset policy (README); a partial refund leaves them. */
export default async function refundTwinsOfRefundedOrder({ data, container }: SubscriberArgs<{ id: string }>) {
  const refunds: TwinRefundService = container.resolve("twinRefundService")
  await refunds.settleOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.refund_created",
  context: { subscriberId: "digital-twin-order-refunded" },
}

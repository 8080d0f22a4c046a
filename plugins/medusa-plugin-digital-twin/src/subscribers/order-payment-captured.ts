import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import type DigitalTwinService from "../services/digital-twin"

/** Once the order is paid: one twin per sold unit of a twin-eligible piece, with its claim code emailed. */
export default async function createTwins({ data, container }: SubscriberArgs<{ id: string }>) {
  const twins: DigitalTwinService = container.resolve("digitalTwinService")
  await twins.createForOrder(data.id)
}

export const config: SubscriberConfig = {
  event: "order.payment_captured",
  context: { subscriberId: "digital-twin-order-paid" },
}

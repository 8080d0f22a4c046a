import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { sendPvaEmail } from "../lib/send-pva-email"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, "order.placed", data)
}

export const config: SubscriberConfig = {
  event: "order.placed",
  context: { subscriberId: "pva-email-order-placed" },
}

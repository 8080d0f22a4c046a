import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CANCELED_EVENT } from "../lib/customer-email-render"
import { sendPvaEmail } from "../lib/send-pva-email"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, CANCELED_EVENT, data)
}

export const config: SubscriberConfig = {
  event: CANCELED_EVENT,
  context: { subscriberId: "pva-email-order-canceled" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { SHIPMENT_EVENT } from "../lib/customer-email-render"
import { sendPvaEmail } from "../lib/send-pva-email"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, SHIPMENT_EVENT, data)
}

export const config: SubscriberConfig = {
  event: SHIPMENT_EVENT,
  context: { subscriberId: "pva-email-order-shipment-created" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { sendPvaEmail } from "../lib/send-pva-email"
import { LOW_STOCK_EVENT } from "../lib/stock-alerts"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, LOW_STOCK_EVENT, data)
}

export const config: SubscriberConfig = {
  event: LOW_STOCK_EVENT,
  context: { subscriberId: "pva-email-low-stock" },
}

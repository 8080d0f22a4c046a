import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { sendPvaEmail } from "../lib/send-pva-email"
import { REORDER_REQUEST_EVENT } from "../lib/stock-alerts"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, REORDER_REQUEST_EVENT, data)
}

export const config: SubscriberConfig = {
  event: REORDER_REQUEST_EVENT,
  context: { subscriberId: "pva-email-reorder-request" },
}

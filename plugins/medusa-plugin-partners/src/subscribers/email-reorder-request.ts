import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { sendPartnerEmail } from "../lib/partner-email"
import type { PartnersPluginOptions } from "../lib/settings"
import { REORDER_REQUEST_EVENT } from "../lib/stock-alerts"

export default async function email({ data, container, pluginOptions }: SubscriberArgs<any>) {
  await sendPartnerEmail(container, pluginOptions as PartnersPluginOptions, REORDER_REQUEST_EVENT, data)
}

export const config: SubscriberConfig = {
  event: REORDER_REQUEST_EVENT,
  context: { subscriberId: "pva-email-reorder-request" },
}

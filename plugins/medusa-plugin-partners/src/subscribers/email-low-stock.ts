import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { sendPartnerEmail } from "../lib/partner-email"
import type { PartnersPluginOptions } from "../lib/settings"
import { LOW_STOCK_EVENT } from "../lib/stock-alerts"

export default async function email({ data, container, pluginOptions }: SubscriberArgs<any>) {
  await sendPartnerEmail(container, pluginOptions as PartnersPluginOptions, LOW_STOCK_EVENT, data)
}

export const config: SubscriberConfig = {
  event: LOW_STOCK_EVENT,
  context: { subscriberId: "pva-email-low-stock" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { EMAIL_VERIFICATION_EVENT } from "../lib/customer-email-render"
import { sendPvaEmail } from "../lib/send-pva-email"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, EMAIL_VERIFICATION_EVENT, data)
}

export const config: SubscriberConfig = {
  event: EMAIL_VERIFICATION_EVENT,
  context: { subscriberId: "pva-email-email-verification" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { PASSWORD_RESET_EVENT } from "../lib/customer-email-render"
import { sendPvaEmail } from "../lib/send-pva-email"

export default async function email({ data, container }: SubscriberArgs<any>) {
  await sendPvaEmail(container, PASSWORD_RESET_EVENT, data)
}

export const config: SubscriberConfig = {
  event: PASSWORD_RESET_EVENT,
  context: { subscriberId: "pva-email-password-reset" },
}

import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { linkGuestOrdersToAccount } from "../lib/guest-orders"

/** A shopper who registers after checking out as a guest finds those orders in their history. */
export default async function linkGuestOrders({ data, container }: SubscriberArgs<{ id: string; email?: string; has_account?: boolean }>) {
  if (!data?.email || data.has_account === false) return
  await linkGuestOrdersToAccount(container.resolve("manager"), data.email)
}

export const config: SubscriberConfig = {
  event: "customer.created",
  context: { subscriberId: "pva-link-guest-orders" },
}

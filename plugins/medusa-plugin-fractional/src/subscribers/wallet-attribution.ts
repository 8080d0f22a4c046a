import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { WALLET_LINKED_EVENT } from "../lib/wallet-directory"
import type SharePurchaseRulesService from "../services/share-purchase-rules"

/** A linked wallet is remembered for its customer: its shares count toward their cap even after it is unlinked. */
export default async function walletAttribution({ data, container }: SubscriberArgs<{ customer_id: string; address: string }>) {
  await container.resolve<SharePurchaseRulesService>("sharePurchaseRulesService").rememberWallets(data.customer_id, [data.address])
}

export const config: SubscriberConfig = {
  event: WALLET_LINKED_EVENT,
  context: { subscriberId: "fractional-wallet-attribution" },
}

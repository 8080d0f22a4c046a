import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { getAddress } from "viem"
import { WALLET_UNLINKED_EVENT } from "../lib/wallet-directory"
import type KycService from "../services/kyc"

/** A wallet no longer linked to an approved customer may not receive or move shares. */
export default async function walletUnlinked({ data, container }: SubscriberArgs<{ customer_id: string; address: string }>) {
  await container.resolve<KycService>("kycService").setEligible(getAddress(data.address), false)
}

export const config: SubscriberConfig = {
  event: WALLET_UNLINKED_EVENT,
  context: { subscriberId: "fractional-wallet-unlinked" },
}

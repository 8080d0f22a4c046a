import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { getAddress } from "viem"
import { WALLET_LINKED_EVENT } from "../lib/wallet-directory"
import type KycService from "../services/kyc"

/** A wallet linked by a KYC-approved customer becomes eligible to hold shares on chain. */
export default async function walletLinked({ data, container }: SubscriberArgs<{ customer_id: string; address: string }>) {
  const kyc: KycService = container.resolve("kycService")
  if ((await kyc.statusOf(data.customer_id)) === "approved") await kyc.setEligible(getAddress(data.address), true)
}

export const config: SubscriberConfig = {
  event: WALLET_LINKED_EVENT,
  context: { subscriberId: "fractional-wallet-linked" },
}

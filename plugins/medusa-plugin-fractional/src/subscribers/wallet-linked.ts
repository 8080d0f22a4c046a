import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { getAddress } from "viem"
import { WALLET_LINKED_EVENT, WALLET_UNLINKED_EVENT } from "../lib/wallet-directory"
import type KycService from "../services/kyc"

/** A wallet linked by an approved customer becomes eligible on chain; an unlinked one stops being. */
export default async function walletEligibility({ data, eventName, container }: SubscriberArgs<{ customer_id: string; address: string }>) {
  const kyc: KycService = container.resolve("kycService")
  const address = getAddress(data.address)
  if (eventName === WALLET_UNLINKED_EVENT) {
    await kyc.setEligible(address, false)
    return
  }
  if ((await kyc.statusOf(data.customer_id)) === "approved") await kyc.setEligible(address, true)
}

export const config: SubscriberConfig = {
  event: [WALLET_LINKED_EVENT, WALLET_UNLINKED_EVENT],
  context: { subscriberId: "fractional-wallet-eligibility" },
}

// The one thing this plugin needs from wallet linking (built by the digital-twin plugin):
// which wallets a customer has proven, and who owns a wallet. Everything here goes through
// this interface, so the wallet plugin's service is adapted in one place.
import { getAddress, type Address } from "viem"

export interface WalletDirectory {
  /** The wallets `customerId` has linked (proved by signature), newest first. */
  walletsOf(customerId: string): Promise<Address[]>
  /** The customer who linked `wallet`, if any. */
  customerOf(wallet: Address): Promise<string | null>
}

/** The events the wallet plugin emits when a customer links or unlinks a wallet: `{ customer_id, address }`. */
export { WALLET_LINKED as WALLET_LINKED_EVENT, WALLET_UNLINKED as WALLET_UNLINKED_EVENT } from "@pva/medusa-kit/events"

const NO_WALLETS: WalletDirectory = {
  walletsOf: async () => [],
  customerOf: async () => null,
}

/**
 * Adapts the wallet plugin's `customerWalletService` (`listFor(customerId)`, `ownerOf(address)`)
 * when it is installed; without it no customer has a wallet, so nobody can be sold shares
 * (the safe answer).
 */
export function walletDirectoryFrom(cradle: Record<string, any>, manager?: unknown): WalletDirectory {
  let service: any
  try {
    service = cradle.customerWalletService
  } catch {
    return NO_WALLETS
  }
  if (!service) return NO_WALLETS
  // Inside a checkout, read on the checkout's connection: a second one per request can exhaust the pool.
  if (manager) service = service.withTransaction(manager)
  return {
    async walletsOf(customerId) {
      const wallets: Array<{ address: string }> = await service.listFor(customerId)
      return wallets.map((w) => getAddress(w.address)).reverse()
    },
    customerOf: (wallet) => service.ownerOf(wallet),
  }
}

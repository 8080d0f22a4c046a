// Which wallets a customer has linked, and whose a wallet is: the digital-twin plugin's wallet
// links (customerWalletService), adapted in this one place. Without that plugin nobody has a
// wallet, so nobody sees market data as their own (the safe answer).

export interface WalletDirectory {
  /** Lower-case addresses `customerId` proved by signature. */
  walletsOf(customerId: string): Promise<string[]>
  /** The customer who linked `wallet`, if any. */
  customerOf(wallet: string): Promise<string | null>
}

type CustomerWalletService = {
  listFor(customerId: string): Promise<Array<{ address: string }>>
  ownerOf(address: string): Promise<string | null>
}

const NO_WALLETS: WalletDirectory = { walletsOf: async () => [], customerOf: async () => null }

function isWalletService(value: unknown): value is CustomerWalletService {
  return !!value && typeof (value as CustomerWalletService).listFor === "function" && typeof (value as CustomerWalletService).ownerOf === "function"
}

export function walletDirectoryFrom(resolve: (name: string) => unknown): WalletDirectory {
  let service: unknown
  try {
    service = resolve("customerWalletService")
  } catch {
    return NO_WALLETS
  }
  if (!isWalletService(service)) return NO_WALLETS
  const wallets = service
  return {
    walletsOf: async (customerId) => (await wallets.listFor(customerId)).map((w) => w.address.toLowerCase()),
    customerOf: (wallet) => wallets.ownerOf(wallet.toLowerCase()),
  }
}

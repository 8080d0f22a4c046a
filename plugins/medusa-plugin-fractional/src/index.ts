export { SHARE_PRODUCT_TYPE, ORG_SALES_CHANNEL } from "./services/offering"
export type { WalletDirectory } from "./lib/wallet-directory"
export { seedFractional, DEV_SHARE_WALLET, SEED_OFFERINGS } from "./seed/offerings"
export { reconcileFractionalChain } from "./seed/reconcile-chain"

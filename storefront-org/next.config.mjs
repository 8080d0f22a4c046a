import { storefrontNextConfig } from "@pva/storefront-core/next-config"

export default storefrontNextConfig({
  // The claim link carries its code in the query.
  noReferrerPages: "/claim",
  config: {
    // thirdweb's wallet module lazily imports the Coinbase and Base Account SDKs for wallets this
    // site never offers (its list is EIP-6963 browser wallets and, when configured, WalletConnect).
    // Left out of the bundle, so their vendor backends can never be reached from here.
    webpack(config) {
      config.resolve.alias = { ...config.resolve.alias, "@base-org/account": false, "@coinbase/wallet-sdk": false, "pino-pretty": false }
      return config
    },
  },
})

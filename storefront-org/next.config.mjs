/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // The end-to-end tests build their own copy, with their own server's key baked in.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  transpilePackages: ["@pva/storefront-core"],
  images: { unoptimized: true },
  // thirdweb's wallet module lazily imports the Coinbase and Base Account SDKs for wallets this
  // site never offers (its list is EIP-6963 browser wallets and, when configured, WalletConnect).
  // Left out of the bundle, so their vendor backends can never be reached from here.
  webpack(config) {
    config.resolve.alias = { ...config.resolve.alias, "@base-org/account": false, "@coinbase/wallet-sdk": false, "pino-pretty": false }
    return config
  },
  async headers() {
    return [
      { source: "/:path*", headers: [{ key: "Referrer-Policy", value: "strict-origin-when-cross-origin" }] },
      // The claim link carries its code in the query: the page sends no Referer at all.
      { source: "/claim", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
    ]
  },
}

export default nextConfig

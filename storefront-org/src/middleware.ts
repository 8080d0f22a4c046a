import { securityMiddleware } from "@pva/storefront-core/security-headers"
import { publicChainConfig } from "@/lib/chain-config"

// A Content-Security-Policy with a fresh nonce on every page (storefront-core's security-headers):
// the wallet also reaches this site's chain and, when configured, WalletConnect's relay.
export const middleware = securityMiddleware(() => ({
  chainRpcUrl: publicChainConfig().rpc,
  walletConnect: Boolean(process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID),
}))

// Next reads `config` from this file itself. Pages only: static files carry no scripts of their own.
export const config = { matcher: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }

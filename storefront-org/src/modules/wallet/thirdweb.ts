import { createThirdwebClient, defineChain } from "thirdweb"
import { createWallet, getInstalledWallets, type Wallet } from "thirdweb/wallets"
import { publicChainConfig } from "@/lib/chain-config"

// thirdweb without its cloud: the chain is fully defined here (id, our RPC, native currency),
// so nothing is looked up from a vendor, and the wallet list is explicit: browser wallets that
// announce themselves (EIP-6963), plus WalletConnect only when a project id is configured.
// No in-app wallet (it needs a vendor backend).

const config = publicChainConfig()

// thirdweb reports every wallet connection and transaction to its analytics service; there is no
// setting to turn that off. This site sends nothing to vendors, and its Content-Security-Policy
// would refuse the request anyway (a console error per event): those reports are answered here,
// in the browser, and go nowhere.
const THIRDWEB_ANALYTICS = "https://c.thirdweb.com/"
if (typeof window !== "undefined" && !(window.fetch as { pvaQuiet?: boolean }).pvaQuiet) {
  const realFetch = window.fetch.bind(window)
  const quietFetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url
    return url.startsWith(THIRDWEB_ANALYTICS) ? Promise.resolve(new Response(null, { status: 204 })) : realFetch(input, init)
  }
  window.fetch = Object.assign(quietFetch, { pvaQuiet: true })
}

export const pvaChain = defineChain({ id: config.id, name: config.name, rpc: config.rpc, nativeCurrency: config.nativeCurrency })

// A client id is required by the SDK's types; with our own RPC nothing is sent to thirdweb with it.
export const thirdwebClient = createThirdwebClient({ clientId: process.env.NEXT_PUBLIC_THIRDWEB_CLIENT_ID || "pva-offline" })

const walletConnectProjectId = process.env.NEXT_PUBLIC_WALLETCONNECT_PROJECT_ID || ""

export type WalletChoice = { id: string; name: string; wallet: Wallet }

/** The wallets a collector can use on this page right now. */
export function walletChoices(): WalletChoice[] {
  const injected = getInstalledWallets()
    .filter((w) => w.id !== "inApp" && w.id !== "embedded")
    .map((wallet) => ({ id: wallet.id, name: injectedName(wallet.id), wallet }))
  if (!walletConnectProjectId) return injected
  return [...injected, { id: "walletConnect", name: "WalletConnect", wallet: createWallet("walletConnect") }]
}

export async function connectWallet(choice: WalletChoice) {
  if (choice.id === "walletConnect") {
    return choice.wallet.connect({ client: thirdwebClient, chain: pvaChain, walletConnect: { projectId: walletConnectProjectId } } as any)
  }
  // Connected on whatever chain the wallet is on: a wrong chain is shown and switched explicitly.
  return choice.wallet.connect({ client: thirdwebClient } as any)
}

// Names as the wallets announced themselves (EIP-6963), for the buttons.
const announcedNames = new Map<string, string>()
if (typeof window !== "undefined") {
  window.addEventListener("eip6963:announceProvider", (event: any) => {
    const info = event?.detail?.info
    if (typeof info?.rdns === "string" && typeof info?.name === "string") announcedNames.set(info.rdns, info.name)
  })
  window.dispatchEvent(new Event("eip6963:requestProvider"))
}

function injectedName(rdns: string): string {
  return announcedNames.get(rdns) ?? rdns
}

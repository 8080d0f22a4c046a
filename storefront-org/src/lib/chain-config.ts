// The chain the collectors' wallets use, from the env: a local Hardhat node in development,
// Base (8453) in production. Complete (id, RPC, native currency) so no wallet library ever
// has to look the chain up from a vendor's service.
export type ChainConfig = {
  id: number
  name: string
  rpc: string
  nativeCurrency: { name: string; symbol: string; decimals: number }
  /** Where a transaction is shown: an explorer's `/tx/` prefix, else this site's own /tx page. */
  explorerTxUrl: string | null
}

type Env = Record<string, string | undefined>

export function chainConfig(env: Env = process.env): ChainConfig {
  const id = Number.parseInt(env.NEXT_PUBLIC_CHAIN_ID || "31337", 10)
  return {
    id,
    name: env.NEXT_PUBLIC_CHAIN_NAME || (id === 8453 ? "Base" : id === 31337 ? "PVA local chain" : `Chain ${id}`),
    rpc: env.NEXT_PUBLIC_CHAIN_RPC_URL || "http://127.0.0.1:8545",
    nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
    explorerTxUrl: env.NEXT_PUBLIC_EXPLORER_TX_URL ? env.NEXT_PUBLIC_EXPLORER_TX_URL.replace(/\/$/, "") : null,
  }
}

/**
 * The node this site's own server reads (the /tx page). In a container the browser's RPC URL
 * (`localhost:8545`) is the container itself: CHAIN_RPC_URL_INTERNAL names the node there.
 */
export function serverRpcUrl(env: Env = process.env): string {
  return env.CHAIN_RPC_URL_INTERNAL || chainConfig(env).rpc
}

/** `NEXT_PUBLIC_*` are inlined at build time only when read literally, so client code reads them here. */
export function publicChainConfig(): ChainConfig {
  return chainConfig({
    NEXT_PUBLIC_CHAIN_ID: process.env.NEXT_PUBLIC_CHAIN_ID,
    NEXT_PUBLIC_CHAIN_NAME: process.env.NEXT_PUBLIC_CHAIN_NAME,
    NEXT_PUBLIC_CHAIN_RPC_URL: process.env.NEXT_PUBLIC_CHAIN_RPC_URL,
    NEXT_PUBLIC_EXPLORER_TX_URL: process.env.NEXT_PUBLIC_EXPLORER_TX_URL,
  })
}

export function txUrl(hash: string, config: ChainConfig = publicChainConfig()): string {
  return config.explorerTxUrl ? `${config.explorerTxUrl}/${hash}` : `/tx/${hash}`
}

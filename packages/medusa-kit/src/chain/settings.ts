// The chain settings every plugin reads (chain sync, digital twin, fractional, the market):
// parsed here once, with the same rules, so a typo stops the start with the variable's name.
import { DEV_CHAIN_ID, DEV_SERVER_KEY, isWellKnownDevKey, loadDeployment } from "@pva/contracts"
import type { Address, Hex } from "viem"
import { z } from "zod"
import { ConfigError, readConfig } from "../config"

export interface ChainSettings {
  chainId: number
  /** Every RPC endpoint, in order of preference (CHAIN_RPC_URLS, else CHAIN_RPC_URL). */
  rpcUrls: string[]
  /** The first of them: where transactions are sent. */
  rpcUrl: string
  /** Where deployments/<chainId>.json is read from (CHAIN_DEPLOYMENTS_DIR), else the contracts package's. */
  deploymentsDir?: string
  production: boolean
}

const chainEnv = z.object({
  CHAIN_ID: z.coerce.number().int().positive().default(DEV_CHAIN_ID),
  CHAIN_RPC_URLS: z.string().optional(),
  CHAIN_RPC_URL: z.string().optional(),
  CHAIN_DEPLOYMENTS_DIR: z.string().optional(),
})

export function readChainSettings(env: NodeJS.ProcessEnv = process.env): ChainSettings {
  const parsed = readConfig(chainEnv, env)
  const listed = parsed.CHAIN_RPC_URLS || parsed.CHAIN_RPC_URL || "http://127.0.0.1:8545"
  const rpcUrls = listed
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean)
  for (const url of rpcUrls) {
    if (!/^https?:\/\//.test(url)) throw new ConfigError(`${parsed.CHAIN_RPC_URLS ? "CHAIN_RPC_URLS" : "CHAIN_RPC_URL"} must list http(s) URLs, got "${url}"`)
  }
  return {
    chainId: parsed.CHAIN_ID,
    rpcUrls,
    rpcUrl: rpcUrls[0],
    deploymentsDir: parsed.CHAIN_DEPLOYMENTS_DIR || undefined,
    production: env.NODE_ENV === "production",
  }
}

/**
 * The private key the server signs with for one role: `value` (an option or the role's own
 * variable), else CHAIN_SERVER_KEY, else, on the local development chain outside production
 * only, the deploy script's server account. Production never signs with a well-known key.
 */
export function signerKey(settings: ChainSettings, variable: string, value: string | undefined, env: NodeJS.ProcessEnv = process.env): Hex {
  const raw = value || env.CHAIN_SERVER_KEY
  if (raw) {
    const source = value ? variable : "CHAIN_SERVER_KEY"
    // First: a published key is refused however it is written (without 0x, in capitals).
    if (settings.production && isWellKnownDevKey(raw)) {
      throw new ConfigError(`${source} is one of Hardhat's published development keys: anyone can sign with it; use a key of your own`)
    }
    if (!/^0x[0-9a-fA-F]{64}$/.test(raw)) throw new ConfigError(`${source} must be a 0x-prefixed 32-byte hex private key`)
    return raw as Hex
  }
  if (settings.chainId === DEV_CHAIN_ID && !settings.production) return DEV_SERVER_KEY
  throw new ConfigError(`${variable} (or CHAIN_SERVER_KEY) is not set: chain ${settings.chainId}${settings.production ? " in production" : ""} needs the server's own key`)
}

/** A contract's address: the configured one, else the deployment file's (read when needed: a dev chain is redeployed while the server runs). */
export function contractAddress(settings: ChainSettings, name: "PVATwin" | "PVAShares" | "PVAMarket", configured?: string): Address {
  if (configured) return configured as Address
  const contracts: Record<string, { address: string } | undefined> = loadDeployment(settings.chainId, settings.deploymentsDir).contracts
  const found = contracts[name]
  if (!found) throw new Error(`the deployment of chain ${settings.chainId} has no ${name}`)
  return found.address as Address
}

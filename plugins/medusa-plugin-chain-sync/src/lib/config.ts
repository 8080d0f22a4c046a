// Plugin options and their environment defaults.
import { loadDeployment, pvaMarketAbi, pvaSharesAbi, pvaTwinAbi } from "@pva/contracts"
import type { Abi } from "viem"
import type { ContractSpec } from "./watched-contracts"

export interface ContractOption {
  name: string
  address: string
  /** Default: the PVATwin / PVAShares / PVAMarket ABI for those names. */
  abi?: Abi
  events?: string[]
  startBlock?: number
}

export interface ChainSyncPluginOptions {
  chainId?: number
  /** Tried in order; the next one takes over when one is dead or stalls. */
  rpcUrls?: string[]
  stallTimeoutMs?: number
  confirmations?: number
  /** Default: PVATwin, PVAShares and PVAMarket from the contracts workspace's deployments/<chainId>.json. */
  contracts?: ContractOption[]
  deploymentsDir?: string
  pollIntervalMs?: number
  /** Run the follower loop in this Medusa process. */
  follow?: boolean
  /** Default: the Medusa project's database_url (or DATABASE_URL). */
  databaseUrl?: string
  enableUI?: boolean
}

export interface ChainSyncSettings {
  chainId: number
  rpcUrls: string[]
  stallTimeoutMs: number
  confirmations: number
  pollIntervalMs: number
  follow: boolean
  deploymentsDir?: string
  contracts?: ContractOption[]
  databaseUrl?: string
}

export const KNOWN_ABIS: Record<string, Abi> = { PVATwin: pvaTwinAbi as Abi, PVAShares: pvaSharesAbi as Abi, PVAMarket: pvaMarketAbi as Abi }

function intFrom(raw: string | undefined, name: string, fallback: number, min = 0): number {
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got "${raw}"`)
  return value
}

export function rpcUrlsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const raw = env.CHAIN_RPC_URLS || env.CHAIN_RPC_URL || ""
  return raw
    .split(",")
    .map((u) => u.trim())
    .filter(Boolean)
}

/** Options given to the plugin win over the environment. */
export function resolveSettings(options: ChainSyncPluginOptions = {}, env: NodeJS.ProcessEnv = process.env): ChainSyncSettings {
  const rpcUrls = options.rpcUrls?.length ? options.rpcUrls : rpcUrlsFromEnv(env)
  return {
    chainId: options.chainId ?? intFrom(env.CHAIN_ID, "CHAIN_ID", 31337, 1),
    rpcUrls: rpcUrls.length ? rpcUrls : ["http://127.0.0.1:8545"],
    stallTimeoutMs: options.stallTimeoutMs ?? intFrom(env.CHAIN_RPC_STALL_TIMEOUT_MS, "CHAIN_RPC_STALL_TIMEOUT_MS", 5000, 1),
    confirmations: options.confirmations ?? intFrom(env.CHAIN_CONFIRMATIONS, "CHAIN_CONFIRMATIONS", 2),
    pollIntervalMs: options.pollIntervalMs ?? intFrom(env.CHAIN_SYNC_POLL_INTERVAL_MS, "CHAIN_SYNC_POLL_INTERVAL_MS", 1000, 1),
    follow: options.follow ?? env.CHAIN_SYNC_FOLLOW === "true",
    deploymentsDir: options.deploymentsDir ?? (env.CHAIN_DEPLOYMENTS_DIR || undefined),
    contracts: options.contracts,
    databaseUrl: options.databaseUrl ?? (env.DATABASE_URL || undefined),
  }
}

/** The contracts to follow: the configured ones, else the deployment file of the chain. */
export function contractSpecs(settings: Pick<ChainSyncSettings, "chainId" | "contracts" | "deploymentsDir">): ContractSpec[] {
  if (settings.contracts?.length) {
    return settings.contracts.map((c) => {
      const abi = c.abi ?? KNOWN_ABIS[c.name]
      if (!abi) throw new Error(`chain-sync: contract ${c.name} has no ABI (give "abi" or name it PVATwin / PVAShares / PVAMarket)`)
      return { name: c.name, address: c.address, abi, events: c.events, startBlock: c.startBlock ?? 0 }
    })
  }
  const deployment = loadDeployment(settings.chainId, settings.deploymentsDir)
  // A deployment written before the market existed has no PVAMarket: the other two are still followed.
  return (["PVATwin", "PVAShares", "PVAMarket"] as const).flatMap((name) => {
    const deployed = deployment.contracts[name] as (typeof deployment.contracts)[typeof name] | undefined
    if (!deployed) return []
    return [{ name, address: deployed.address, abi: KNOWN_ABIS[name], startBlock: deployed.blockNumber }]
  })
}

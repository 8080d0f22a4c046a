// Plugin options and their environment defaults (the chain variables the other chain plugins
// read). Options given in medusa-config win.
import { loadDeployment } from "@pva/contracts"

// Hardhat's well-known dev account #1 (the server's account on a local chain): public knowledge.
const HARDHAT_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"

export interface MarketplacePluginOptions {
  chainId?: number
  rpcUrl?: string
  deploymentsDir?: string
  /** Signs pause / unpause (needs PVAMarket's DEFAULT_ADMIN_ROLE). Default CHAIN_SERVER_KEY. */
  signerKey?: string
  /** Origin of pvabazaar.org, for links in emails. Default STOREFRONT_ORG_URL. */
  orgUrl?: string
  /** Bidders are told an auction ends soon once it is this close to its end. */
  endingSoonMinutes?: number
  /** How often the ending-soon job looks. */
  endingSoonCheckSeconds?: number
  notificationProvider?: string
  enableUI?: boolean
}

export type MarketAddresses = { market: `0x${string}`; twin: `0x${string}`; shares: `0x${string}` }

export interface MarketplaceSettings {
  chainId: number
  rpcUrl: string
  /** Read at every call: a development chain is redeployed while the server runs. */
  addresses: () => MarketAddresses
  signerKey: `0x${string}`
  orgUrl: string
  endingSoonMs: number
  endingSoonCheckMs: number
  notificationProvider: string
}

function signerKey(raw: string | undefined, chainId: number, production: boolean): `0x${string}` {
  if (raw) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(raw)) throw new Error("CHAIN_SERVER_KEY must be a 0x-prefixed 32-byte hex private key")
    return raw as `0x${string}`
  }
  if (chainId === 31337 && !production) return HARDHAT_KEY_1
  // Without a key the admin cannot pause from Medusa; everything else works. A key that cannot
  // sign anything the market accepts stands in, and pausing answers 409 with the reason.
  return `0x${"0".repeat(63)}1`
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  if (!Number.isFinite(value) || value <= 0) throw new Error(`marketplace option ${name} must be a positive number`)
  return value
}

export function resolveSettings(options: MarketplacePluginOptions = {}, env: NodeJS.ProcessEnv = process.env): MarketplaceSettings {
  const chainId = options.chainId ?? Number(env.CHAIN_ID || 31337)
  const rpcUrl = options.rpcUrl ?? (env.CHAIN_RPC_URLS || env.CHAIN_RPC_URL || "http://127.0.0.1:8545").split(",")[0].trim()
  const deploymentsDir = options.deploymentsDir ?? (env.CHAIN_DEPLOYMENTS_DIR || undefined)
  return {
    chainId,
    rpcUrl,
    addresses: () => {
      const { contracts } = loadDeployment(chainId, deploymentsDir)
      if (!contracts.PVAMarket) throw new Error(`the deployment of chain ${chainId} has no PVAMarket; redeploy the contracts`)
      return {
        market: contracts.PVAMarket.address.toLowerCase() as `0x${string}`,
        twin: contracts.PVATwin.address.toLowerCase() as `0x${string}`,
        shares: contracts.PVAShares.address.toLowerCase() as `0x${string}`,
      }
    },
    signerKey: signerKey(options.signerKey ?? env.CHAIN_SERVER_KEY, chainId, env.NODE_ENV === "production"),
    orgUrl: (options.orgUrl ?? env.STOREFRONT_ORG_URL ?? "http://localhost:8001").replace(/\/$/, ""),
    endingSoonMs: positive(options.endingSoonMinutes, 60, "endingSoonMinutes") * 60_000,
    endingSoonCheckMs: positive(options.endingSoonCheckSeconds, 60, "endingSoonCheckSeconds") * 1000,
    notificationProvider: options.notificationProvider ?? "pva-email",
  }
}

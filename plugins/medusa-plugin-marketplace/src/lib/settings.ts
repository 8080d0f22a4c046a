// Plugin options and their environment defaults: medusa-kit's chain settings (the same rules and
// variables as every chain plugin's) and the market's own options, read through a schema so a
// bad value stops the start with its name. Options given in medusa-config win.
import { ConfigError, readConfig } from "@pva/medusa-kit/config"
import { contractAddress, readChainSettings, signerKey, type ChainSettings } from "@pva/medusa-kit/chain"
import type { Hex } from "viem"
import { z } from "zod"

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
  signerKey: Hex
  orgUrl: string
  endingSoonMs: number
  endingSoonCheckMs: number
  notificationProvider: string
}

const positive = z.number({ invalid_type_error: "must be a number" }).finite().positive("must be a positive number")
const marketOptions = z.object({
  endingSoonMinutes: positive.default(60),
  endingSoonCheckSeconds: positive.default(60),
  orgUrl: z.string().default("http://localhost:8001"),
  notificationProvider: z.string().min(1, "must not be empty").default("pva-email"),
})

/**
 * A key that cannot sign anything the market accepts. Without a key of its own the server cannot
 * pause from Medusa; everything else works, and pausing answers 409 with the reason.
 */
const NO_SIGNER_KEY: Hex = `0x${"0".repeat(63)}1`

/** The option, else CHAIN_SERVER_KEY, else the development key on the local chain (medusa-kit's rules). */
function marketSignerKey(chain: ChainSettings, option: string | undefined, env: NodeJS.ProcessEnv): Hex {
  try {
    return signerKey(chain, "marketplace option signerKey", option, env)
  } catch (err) {
    if (err instanceof ConfigError && !option && !env.CHAIN_SERVER_KEY) return NO_SIGNER_KEY
    throw err
  }
}

const lowerAddress = (address: string) => address.toLowerCase() as `0x${string}`

export function resolveSettings(options: MarketplacePluginOptions = {}, env: NodeJS.ProcessEnv = process.env): MarketplaceSettings {
  const fromEnv = readChainSettings(env)
  const chain: ChainSettings = {
    ...fromEnv,
    chainId: options.chainId ?? fromEnv.chainId,
    rpcUrl: options.rpcUrl ?? fromEnv.rpcUrl,
    deploymentsDir: options.deploymentsDir ?? fromEnv.deploymentsDir,
  }
  const parsed = readConfig(marketOptions, {
    endingSoonMinutes: options.endingSoonMinutes,
    endingSoonCheckSeconds: options.endingSoonCheckSeconds,
    orgUrl: options.orgUrl ?? (env.STOREFRONT_ORG_URL || undefined),
    notificationProvider: options.notificationProvider,
  })
  return {
    chainId: chain.chainId,
    rpcUrl: chain.rpcUrl,
    addresses: () => ({
      market: lowerAddress(contractAddress(chain, "PVAMarket")),
      twin: lowerAddress(contractAddress(chain, "PVATwin")),
      shares: lowerAddress(contractAddress(chain, "PVAShares")),
    }),
    signerKey: marketSignerKey(chain, options.signerKey, env),
    orgUrl: parsed.orgUrl.replace(/\/$/, ""),
    endingSoonMs: parsed.endingSoonMinutes * 60_000,
    endingSoonCheckMs: parsed.endingSoonCheckSeconds * 1000,
    notificationProvider: parsed.notificationProvider,
  }
}

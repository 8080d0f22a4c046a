// Where the shares contract is and which keys the server signs with: medusa-kit's chain
// settings (the same rules as every plugin's), plus the shares plugin's own role keys.
import { contractAddress, readChainSettings, signerKey, type ChainSettings } from "@pva/medusa-kit/chain"
import type { Address, Hex } from "viem"

export type ShareSignerRole = "issuer" | "minter" | "compliance"

export interface SharesChainConfig extends ChainSettings {
  keys: Record<ShareSignerRole, Hex>
}

export function sharesChainConfig(env: NodeJS.ProcessEnv = process.env): SharesChainConfig {
  const chain = readChainSettings(env)
  return {
    ...chain,
    keys: {
      issuer: signerKey(chain, "CHAIN_ISSUER_KEY", env.CHAIN_ISSUER_KEY, env),
      minter: signerKey(chain, "CHAIN_MINTER_KEY", env.CHAIN_MINTER_KEY, env),
      compliance: signerKey(chain, "CHAIN_COMPLIANCE_KEY", env.CHAIN_COMPLIANCE_KEY, env),
    },
  }
}

/** The PVAShares address, read when needed: a dev chain is redeployed while the server runs. */
export function sharesAddress(config: SharesChainConfig): Address {
  return contractAddress(config, "PVAShares")
}

// Where the shares contract is and which keys the server signs with, from the environment.
import { loadDeployment } from "@pva/contracts"
import type { Address, Hex } from "viem"

// Hardhat's development account #1, which the deploy script grants ISSUER/MINTER/COMPLIANCE
// on a local chain. Public knowledge: never accepted in production.
const HARDHAT_SERVER_KEY: Hex = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"

export type ShareSignerRole = "issuer" | "minter" | "compliance"

export interface SharesChainConfig {
  chainId: number
  rpcUrl: string
  deploymentsDir?: string
  keys: Record<ShareSignerRole, Hex>
}

function keyFor(env: NodeJS.ProcessEnv, variable: string, isProduction: boolean): Hex {
  const key = env[variable] || env.CHAIN_SERVER_KEY
  if (key) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(key)) throw new Error(`${variable} must be a 32-byte hex private key`)
    if (isProduction && key.toLowerCase() === HARDHAT_SERVER_KEY) throw new Error(`${variable} is a well-known development key`)
    return key as Hex
  }
  if (isProduction) throw new Error(`${variable} (or CHAIN_SERVER_KEY) is not set: production signs with its own keys`)
  return HARDHAT_SERVER_KEY
}

export function sharesChainConfig(env: NodeJS.ProcessEnv = process.env): SharesChainConfig {
  const isProduction = env.NODE_ENV === "production"
  const rpcUrl = (env.CHAIN_RPC_URLS || env.CHAIN_RPC_URL || "http://127.0.0.1:8545").split(",")[0].trim()
  return {
    chainId: Number(env.CHAIN_ID || 31337),
    rpcUrl,
    deploymentsDir: env.CHAIN_DEPLOYMENTS_DIR || undefined,
    keys: {
      issuer: keyFor(env, "CHAIN_ISSUER_KEY", isProduction),
      minter: keyFor(env, "CHAIN_MINTER_KEY", isProduction),
      compliance: keyFor(env, "CHAIN_COMPLIANCE_KEY", isProduction),
    },
  }
}

/** The PVAShares address, read when needed: a dev chain is redeployed while the server runs. */
export function sharesAddress(config: SharesChainConfig): Address {
  return loadDeployment(config.chainId, config.deploymentsDir).contracts.PVAShares.address as Address
}

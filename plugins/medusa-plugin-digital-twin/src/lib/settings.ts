// Plugin options and their environment defaults. Options given in medusa-config win.
import { loadDeployment } from "@pva/contracts"

// Hardhat's well-known dev accounts: only ever used on the local chain 31337 outside production.
const HARDHAT_KEY_1 = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"

export interface DigitalTwinPluginOptions {
  chainId?: number
  rpcUrl?: string
  twinAddress?: string
  deploymentsDir?: string
  /** Signs claim vouchers and relays claims (needs MINTER_ROLE on PVATwin). */
  minterKey?: string
  /** Signs attestations (needs ATTESTER_ROLE on PVATwin). */
  attesterKey?: string
  /** Origin of pvabazaar.org: claim links and external_url in metadata. */
  orgUrl?: string
  /** Domains (host[:port]) whose SIWE messages are accepted. */
  siweDomains?: string[]
  voucherTtlSeconds?: number
  claimAttemptsPerWindow?: number
  claimWindowSeconds?: number
  /** Wallet sign-in requests (nonce, verify, link) per client per minute. */
  siweAttemptsPerMinute?: number
  /** How long the token a wallet sign-in gives is good for (it also ends when the wallet is unlinked). */
  walletSessionHours?: number
  /** IPFS pinning: "pinata" or "psa" (IPFS Pinning Service API), with its URL and token. */
  pinning?: { kind: "pinata" | "psa"; url: string; token: string } | null
  notificationProvider?: string
  enableUI?: boolean
}

export interface DigitalTwinSettings {
  chainId: number
  rpcUrl: string
  twinAddress: () => `0x${string}`
  minterKey: `0x${string}`
  attesterKey: `0x${string}`
  orgUrl: string
  siweDomains: string[]
  voucherTtlSeconds: number
  claimAttemptsPerWindow: number
  claimWindowSeconds: number
  siweAttemptsPerMinute: number
  walletSessionHours: number
  /** Rate-limit counters: shared in Redis when set, else in bounded memory (as medusa-server's). */
  redisUrl?: string
  rateLimitMemoryKeys: number
  pinning: DigitalTwinPluginOptions["pinning"]
  notificationProvider: string
}

function key(raw: string | undefined, name: string, chainId: number, production: boolean): `0x${string}` {
  if (raw) {
    if (!/^0x[0-9a-fA-F]{64}$/.test(raw)) throw new Error(`${name} must be a 0x-prefixed 32-byte hex private key`)
    return raw as `0x${string}`
  }
  if (chainId === 31337 && !production) return HARDHAT_KEY_1
  throw new Error(`${name} is required on chain ${chainId}`)
}

/** A week: a wallet sign-in is a bearer token; a stolen one should not outlive the week. */
const MAX_WALLET_SESSION_HOURS = 168

/** TWIN_WALLET_SESSION_HOURS, checked: medusa-server reads it at start so a bad value stops the start. */
export function walletSessionHours(env: NodeJS.ProcessEnv = process.env): number {
  return positiveNumber(env, "TWIN_WALLET_SESSION_HOURS", 24, MAX_WALLET_SESSION_HOURS)
}

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0 || value > max) throw new Error(`${name} must be a number of hours above 0 and at most ${max}, got "${raw}"`)
  return value
}

function host(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

export function resolveSettings(options: DigitalTwinPluginOptions = {}, env: NodeJS.ProcessEnv = process.env): DigitalTwinSettings {
  const chainId = options.chainId ?? Number(env.CHAIN_ID || 31337)
  const production = env.NODE_ENV === "production"
  const orgUrl = (options.orgUrl ?? env.STOREFRONT_ORG_URL ?? "http://localhost:8001").replace(/\/+$/, "")
  const comUrl = (env.STOREFRONT_COM_URL ?? "http://localhost:8000").replace(/\/+$/, "")
  const rpcUrl = options.rpcUrl ?? ((env.CHAIN_RPC_URLS || env.CHAIN_RPC_URL || "http://127.0.0.1:8545").split(",")[0].trim())
  let cachedAddress: `0x${string}` | undefined
  const configuredAddress = options.twinAddress ?? env.CHAIN_TWIN_ADDRESS
  const deploymentsDir = options.deploymentsDir ?? (env.CHAIN_DEPLOYMENTS_DIR || undefined)
  const pinningUrl = env.PINNING_SERVICE_URL
  const minterKey = key(options.minterKey ?? env.TWIN_MINTER_KEY ?? env.CHAIN_SERVER_KEY, "TWIN_MINTER_KEY", chainId, production)
  return {
    chainId,
    rpcUrl,
    // Read when first needed: under `npm run dev` the deployment file appears after the chain starts.
    twinAddress: () => {
      if (configuredAddress) return configuredAddress as `0x${string}`
      cachedAddress ??= loadDeployment(chainId, deploymentsDir).contracts.PVATwin.address
      return cachedAddress
    },
    minterKey,
    attesterKey: key(options.attesterKey ?? env.TWIN_ATTESTER_KEY ?? env.CHAIN_SERVER_KEY, "TWIN_ATTESTER_KEY", chainId, production),
    orgUrl,
    siweDomains:
      options.siweDomains ??
      (env.SIWE_DOMAINS ? env.SIWE_DOMAINS.split(",").map((d) => d.trim()).filter(Boolean) : [host(orgUrl), host(comUrl)]),
    voucherTtlSeconds: options.voucherTtlSeconds ?? Number(env.TWIN_VOUCHER_TTL_SECONDS || 1800),
    claimAttemptsPerWindow: options.claimAttemptsPerWindow ?? Number(env.TWIN_CLAIM_ATTEMPTS || 10),
    claimWindowSeconds: options.claimWindowSeconds ?? Number(env.TWIN_CLAIM_WINDOW_SECONDS || 600),
    siweAttemptsPerMinute: options.siweAttemptsPerMinute ?? Number(env.TWIN_SIWE_ATTEMPTS_PER_MINUTE || 30),
    walletSessionHours: options.walletSessionHours ?? walletSessionHours(env),
    redisUrl: env.REDIS_URL || undefined,
    rateLimitMemoryKeys: Number(env.RATE_LIMIT_MEMORY_KEYS || 20_000),
    pinning:
      options.pinning !== undefined
        ? options.pinning
        : pinningUrl
          ? { kind: env.PINNING_SERVICE_KIND === "psa" ? "psa" : "pinata", url: pinningUrl, token: env.PINNING_SERVICE_TOKEN ?? "" }
          : null,
    notificationProvider: options.notificationProvider ?? "pva-email",
  }
}

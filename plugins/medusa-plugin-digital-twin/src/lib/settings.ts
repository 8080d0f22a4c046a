// Plugin options and their environment defaults. Options given in medusa-config win. The
// server resolves them at start (`digitalTwinOptions`, through the plugin's index), so a typo
// stops the start with the variable's name, and hands them over as the plugin's options.
import { readConfig } from "@pva/medusa-kit/config"
import { contractAddress, readChainSettings, signerKey, type ChainSettings } from "@pva/medusa-kit/chain"
import { z } from "zod"

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

const count = (fallback: number) => z.coerce.number().int().positive().default(fallback)
const twinEnv = z.object({
  TWIN_VOUCHER_TTL_SECONDS: count(1800),
  TWIN_CLAIM_ATTEMPTS: count(10),
  TWIN_CLAIM_WINDOW_SECONDS: count(600),
  TWIN_SIWE_ATTEMPTS_PER_MINUTE: count(30),
  RATE_LIMIT_MEMORY_KEYS: count(20_000),
  PINNING_SERVICE_KIND: z.enum(["pinata", "psa"]).default("pinata"),
})
/** The variables the schema reads; an unset or empty one is its default. */
const twinVariables = (env: NodeJS.ProcessEnv) => ({
  TWIN_VOUCHER_TTL_SECONDS: env.TWIN_VOUCHER_TTL_SECONDS || undefined,
  TWIN_CLAIM_ATTEMPTS: env.TWIN_CLAIM_ATTEMPTS || undefined,
  TWIN_CLAIM_WINDOW_SECONDS: env.TWIN_CLAIM_WINDOW_SECONDS || undefined,
  TWIN_SIWE_ATTEMPTS_PER_MINUTE: env.TWIN_SIWE_ATTEMPTS_PER_MINUTE || undefined,
  RATE_LIMIT_MEMORY_KEYS: env.RATE_LIMIT_MEMORY_KEYS || undefined,
  PINNING_SERVICE_KIND: env.PINNING_SERVICE_KIND || undefined,
})

type SettingsWithoutKeys = Omit<DigitalTwinSettings, "minterKey" | "attesterKey"> & { onChain: ChainSettings }

export function resolveSettings(options: DigitalTwinPluginOptions = {}, env: NodeJS.ProcessEnv = process.env): DigitalTwinSettings {
  const { onChain, ...settings } = settingsWithoutKeys(options, env)
  return {
    ...settings,
    minterKey: signerKey(onChain, "TWIN_MINTER_KEY", options.minterKey ?? env.TWIN_MINTER_KEY, env),
    attesterKey: signerKey(onChain, "TWIN_ATTESTER_KEY", options.attesterKey ?? env.TWIN_ATTESTER_KEY, env),
  }
}

function settingsWithoutKeys(options: DigitalTwinPluginOptions, env: NodeJS.ProcessEnv): SettingsWithoutKeys {
  const chain = readChainSettings(env)
  const chainId = options.chainId ?? chain.chainId
  const parsed = readConfig(twinEnv, twinVariables(env))
  const production = chain.production
  const orgUrl = (options.orgUrl ?? env.STOREFRONT_ORG_URL ?? "http://localhost:8001").replace(/\/+$/, "")
  const comUrl = (env.STOREFRONT_COM_URL ?? "http://localhost:8000").replace(/\/+$/, "")
  const rpcUrl = options.rpcUrl ?? chain.rpcUrl
  let cachedAddress: `0x${string}` | undefined
  const configuredAddress = options.twinAddress ?? env.CHAIN_TWIN_ADDRESS
  const onChain = { ...chain, chainId, deploymentsDir: options.deploymentsDir ?? chain.deploymentsDir, production }
  const pinningUrl = env.PINNING_SERVICE_URL
  return {
    chainId,
    rpcUrl,
    // Read when first needed: under `npm run dev` the deployment file appears after the chain starts.
    twinAddress: () => (cachedAddress ??= contractAddress(onChain, "PVATwin", configuredAddress)),
    onChain,
    orgUrl,
    siweDomains:
      options.siweDomains ??
      (env.SIWE_DOMAINS ? env.SIWE_DOMAINS.split(",").map((d) => d.trim()).filter(Boolean) : [host(orgUrl), host(comUrl)]),
    voucherTtlSeconds: options.voucherTtlSeconds ?? parsed.TWIN_VOUCHER_TTL_SECONDS,
    claimAttemptsPerWindow: options.claimAttemptsPerWindow ?? parsed.TWIN_CLAIM_ATTEMPTS,
    claimWindowSeconds: options.claimWindowSeconds ?? parsed.TWIN_CLAIM_WINDOW_SECONDS,
    siweAttemptsPerMinute: options.siweAttemptsPerMinute ?? parsed.TWIN_SIWE_ATTEMPTS_PER_MINUTE,
    walletSessionHours: options.walletSessionHours ?? walletSessionHours(env),
    redisUrl: env.REDIS_URL || undefined,
    rateLimitMemoryKeys: parsed.RATE_LIMIT_MEMORY_KEYS,
    pinning:
      options.pinning !== undefined
        ? options.pinning
        : pinningUrl
          ? { kind: parsed.PINNING_SERVICE_KIND, url: pinningUrl, token: env.PINNING_SERVICE_TOKEN ?? "" }
          : null,
    notificationProvider: options.notificationProvider ?? "pva-email",
  }
}

/**
 * The plugin's options as the server passes them (medusa-config): every setting resolved from the
 * environment now, so a bad value stops the start instead of the first claim.
 */
export function digitalTwinOptions(env: NodeJS.ProcessEnv = process.env): DigitalTwinPluginOptions {
  const s = settingsWithoutKeys({}, env)
  // A key that is set is checked now; a missing one is the plugin's to refuse when it signs
  // (a production shop may run before its chain is configured).
  const keyWhenSet = (variable: string, value: string | undefined) =>
    value || env.CHAIN_SERVER_KEY ? signerKey(s.onChain, variable, value, env) : undefined
  return {
    chainId: s.chainId,
    rpcUrl: s.rpcUrl,
    twinAddress: env.CHAIN_TWIN_ADDRESS || undefined,
    deploymentsDir: env.CHAIN_DEPLOYMENTS_DIR || undefined,
    minterKey: keyWhenSet("TWIN_MINTER_KEY", env.TWIN_MINTER_KEY),
    attesterKey: keyWhenSet("TWIN_ATTESTER_KEY", env.TWIN_ATTESTER_KEY),
    orgUrl: s.orgUrl,
    siweDomains: s.siweDomains,
    voucherTtlSeconds: s.voucherTtlSeconds,
    claimAttemptsPerWindow: s.claimAttemptsPerWindow,
    claimWindowSeconds: s.claimWindowSeconds,
    siweAttemptsPerMinute: s.siweAttemptsPerMinute,
    walletSessionHours: s.walletSessionHours,
    pinning: s.pinning,
    notificationProvider: s.notificationProvider,
  }
}

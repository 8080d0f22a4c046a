import { isWellKnownDevKey } from "@pva/contracts"
import { PartnerSettings, resolvePartnerSettings } from "@pva/medusa-plugin-partners"
import { digitalTwinOptions, type DigitalTwinPluginOptions } from "@pva/medusa-plugin-digital-twin"
import { readCatalogConfig, type CatalogPluginOptions } from "@pva/medusa-plugin-catalog"
import type { PaymentSettings } from "../lib/payment-policy"
import { FileSettings, readFileSettings } from "./file-settings"
import { ConfigError, positiveInt } from "./values"

export { ConfigError }

/**
 * Reads and validates the server's environment once, so every other module
 * gets typed settings and production never starts on development secrets.
 */
export type ServerEnv = {
  nodeEnv: string
  isProduction: boolean
  port: number
  databaseUrl?: string
  /** Connections this process may hold; size Postgres' max_connections for all processes. */
  databasePoolMax: number
  redisUrl?: string
  jwtSecret: string
  cookieSecret: string
  storeCors: string
  adminCors: string
  authCors: string
  /** SameSite of the session cookie on admin responses (ADMIN_COOKIE_SAMESITE, default strict). */
  adminCookieSameSite: "strict" | "lax" | "none"
  backendUrl: string
  stripeApiKey?: string
  stripeWebhookSecret?: string
  /** Manual payments (MANUAL_PAYMENT_*): who may pay by invoice, and whether that counts as paid at once. */
  payments: PaymentSettings
  /** STRIPE_API_URL: a Stripe stand-in instead of api.stripe.com (development and tests; refused in production). */
  stripeApiUrl?: string
  meilisearchHost?: string
  meilisearchApiKey?: string
  /** @pva/medusa-plugin-catalog's options (Meilisearch when MEILISEARCH_HOST is set), checked with CATALOG_REFRESH at start. */
  catalog: CatalogPluginOptions
  workerMode: "shared" | "worker" | "server"
  serveAdmin: boolean
  embeddedPostgresPort: number
  embeddedPostgresDir: string
  rateLimits: RateLimitSettings
  /** Express `trust proxy`: which peers may name the client in X-Forwarded-For (TRUST_PROXY, default none). */
  trustProxy: false | string[]
  /** Where links in customer emails point (verification, password reset). */
  storefrontComUrl: string
  bodySizeLimit: string
  email: EmailSettings
  /** Partner webhooks and feed sync (WEBHOOK_*, PARTNER_FEED_SYNC_*): @pva/medusa-plugin-partners' options. */
  partners: PartnerSettings
  /** Storefront endpoints told to drop their catalog cache when products change. */
  storefrontRevalidation: { urls: string[]; secret: string }
  /** How long a wallet sign-in's token lasts (TWIN_WALLET_SESSION_HOURS, the digital-twin plugin's). */
  walletSessionHours: number
  /** Chain, keys, claim and sign-in limits (CHAIN_*, TWIN_*, SIWE_DOMAINS, PINNING_SERVICE_*): @pva/medusa-plugin-digital-twin's options. */
  digitalTwin: DigitalTwinPluginOptions
  /** How long a guest order is shown to whoever has its id alone (the buyer's confirmation page); 0: never. */
  guestOrderConfirmationMinutes: number
  /** CHAIN_SYNC_FOLLOW=true: this process follows the chain (mirrors its logs into Postgres); never in MEDUSA_WORKER_MODE=server. */
  chainSyncFollow: boolean
  /** Uploaded files (product images): where they are kept and what an upload may be. */
  files: FileSettings
}

function storefrontRevalidation(env: NodeJS.ProcessEnv, isProduction: boolean) {
  const urls = (env.STOREFRONT_REVALIDATE_URLS || "").split(",").map((u) => u.trim()).filter(Boolean)
  for (const url of urls) {
    if (!/^https?:\/\/[^/]+/.test(url)) throw new ConfigError(`STOREFRONT_REVALIDATE_URLS: "${url}" is not an http(s) URL`)
  }
  const secret = urls.length ? checkSecret("REVALIDATE_SECRET", env.REVALIDATE_SECRET, isProduction) : ""
  return { urls, secret }
}

/** Who sends the store's emails, and from where. */
export type EmailSettings = {
  resendApiKey?: string
  emailFrom: string
  /** Where low-stock alerts go. */
  adminAlertEmail: string
}

export type RateLimitSettings = {
  windowSeconds: number
  /** Login attempts per account (email), whatever the IP. */
  loginPerAccount: number
  loginPerClient: number
  checkoutPerCart: number
  checkoutPerIp: number
  /** Registration, password reset and verification emails per email address or account. */
  accountEmailsPerAddress: number
  /** Registrations, password resets and verification requests per client. */
  accountPerClient: number
  orderLookupPerClient: number
  orderLookupPerEmail: number
  /** Catalog queries (`GET /store/catalog`) per client: generous, a flood only. */
  catalogPerClient: number
  /** Requests to Medusa's store list routes (products, collections, regions...) per client. */
  storeListsPerClient: number
  /** Keys the in-memory counters keep at most (without REDIS_URL). */
  memoryKeys: number
}

/**
 * Trusting every proxy lets any client name itself in X-Forwarded-For and walk
 * past per-client limits, so only listed proxies (proxy-addr syntax) are trusted.
 */
function trustProxy(env: NodeJS.ProcessEnv): false | string[] {
  const raw = (env.TRUST_PROXY || "").trim()
  if (!raw || raw === "false" || raw === "none") return false
  const list = raw.split(",").map((v) => v.trim()).filter(Boolean)
  if (list.some((v) => v === "true" || v === "*" || /^\d+$/.test(v))) {
    throw new ConfigError(`TRUST_PROXY must list proxy addresses or subnets (e.g. loopback,10.0.0.0/8), got "${raw}"`)
  }
  try {
    require("proxy-addr").compile(list)
  } catch (err: any) {
    throw new ConfigError(`TRUST_PROXY: ${err.message}`)
  }
  return list
}

/**
 * Medusa Admin is served by this server (/app), so its cookie can be SameSite=Strict; an admin
 * hosted on another site needs `none` (the Origin check still guards it then).
 */
function adminCookieSameSite(env: NodeJS.ProcessEnv): ServerEnv["adminCookieSameSite"] {
  const value = (env.ADMIN_COOKIE_SAMESITE || "strict").toLowerCase()
  if (value !== "strict" && value !== "lax" && value !== "none") {
    throw new ConfigError(`ADMIN_COOKIE_SAMESITE must be strict, lax or none, got "${env.ADMIN_COOKIE_SAMESITE}"`)
  }
  return value
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === "") return fallback
  if (raw !== "true" && raw !== "false") throw new ConfigError(`${name} must be true or false, got "${raw}"`)
  return raw === "true"
}

/**
 * Outside production a manual payment is taken as paid at placement, so `npm run dev` and
 * the tests run every journey without a card; production never treats an unpaid invoice as paid.
 */
function payments(env: NodeJS.ProcessEnv, isProduction: boolean): PaymentSettings {
  const manualAutoCapture = flag(env, "MANUAL_PAYMENT_AUTO_CAPTURE", !isProduction)
  if (isProduction && manualAutoCapture) {
    throw new ConfigError(
      "MANUAL_PAYMENT_AUTO_CAPTURE=true is for development only: in production an admin captures a manual payment once the money has arrived"
    )
  }
  return {
    manualEnabled: flag(env, "MANUAL_PAYMENT_ENABLED", !isProduction),
    manualAutoCapture,
    manualForShares: !isProduction,
    captureCheckIntervalMs: positiveInt(env, "PAYMENT_CAPTURE_CHECK_INTERVAL_MS", 3600_000),
  }
}

function httpUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const value = (env[name] || fallback).replace(/\/$/, "")
  if (!/^https?:\/\/[^/]+/.test(value)) throw new ConfigError(`${name}: "${value}" is not an http(s) URL`)
  return value
}

export const DEV_SECRET = "pva-dev-secret-not-for-production"
const KNOWN_DEFAULT_SECRETS = new Set(["supersecret", "secret", "changeme", "something", DEV_SECRET])
const MIN_SECRET_LENGTH = 32

const DEFAULT_STORE_CORS = "http://localhost:8000,http://localhost:8001"
const DEFAULT_ADMIN_CORS = "http://localhost:7001,http://localhost:9000"

/** The catalog plugin's options, read through its schema now: a bad CATALOG_REFRESH stops the start, not only its loader. */
function catalogOptions(env: NodeJS.ProcessEnv): CatalogPluginOptions {
  const options: CatalogPluginOptions = {
    meilisearch: env.MEILISEARCH_HOST ? { host: env.MEILISEARCH_HOST, apiKey: env.MEILISEARCH_API_KEY || undefined } : undefined,
  }
  readCatalogConfig(options, env)
  return options
}

function twinSettings(env: NodeJS.ProcessEnv): Pick<ServerEnv, "digitalTwin" | "walletSessionHours"> {
  const digitalTwin = configValue(() => digitalTwinOptions(env))
  return { digitalTwin, walletSessionHours: digitalTwin.walletSessionHours ?? 24 }
}

function configValue<T>(read: () => T): T {
  try {
    return read()
  } catch (err: any) {
    throw new ConfigError(err.message)
  }
}

/** A day at most: past that, an order id in a browser history or a log would show the order for too long. */
const MAX_GUEST_CONFIRMATION_MINUTES = 24 * 60

function guestOrderConfirmationMinutes(env: NodeJS.ProcessEnv): number {
  const raw = env.GUEST_ORDER_CONFIRMATION_MINUTES
  if (raw === undefined || raw === "") return 30
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > MAX_GUEST_CONFIRMATION_MINUTES) {
    throw new ConfigError(`GUEST_ORDER_CONFIRMATION_MINUTES must be a whole number of minutes from 0 to ${MAX_GUEST_CONFIRMATION_MINUTES}, got "${raw}"`)
  }
  return value
}

function checkSecret(name: string, value: string | undefined, isProduction: boolean): string {
  if (!isProduction) return value || DEV_SECRET
  if (!value) {
    throw new ConfigError(`${name} is not set: production needs a random secret of at least ${MIN_SECRET_LENGTH} characters`)
  }
  if (KNOWN_DEFAULT_SECRETS.has(value)) {
    throw new ConfigError(`${name} is a well-known default value: set a random secret of at least ${MIN_SECRET_LENGTH} characters`)
  }
  if (value.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`${name} is too short (${value.length} characters): production needs at least ${MIN_SECRET_LENGTH}`)
  }
  return value
}

/** Keys that sign on chain for the server; Hardhat's published ones must never run a real shop. */
const SIGNER_KEY_VARIABLES = [
  "CHAIN_SERVER_KEY",
  "CHAIN_DEPLOYER_KEY",
  "TWIN_MINTER_KEY",
  "TWIN_ATTESTER_KEY",
  "CHAIN_ISSUER_KEY",
  "CHAIN_MINTER_KEY",
  "CHAIN_COMPLIANCE_KEY",
]

/**
 * What a production deployment needs beyond secrets: shared state in Redis (sessions, events,
 * rate limits and jobs are per process without it), explicit CORS origins, the storefronts'
 * public addresses, and no signer key that anyone could use.
 */
function checkProductionDeployment(env: NodeJS.ProcessEnv): void {
  if (!env.REDIS_URL && env.SINGLE_PROCESS !== "true") {
    throw new ConfigError(
      "REDIS_URL is not set: production shares sessions, events, rate limits and jobs through Redis. " +
        "Set SINGLE_PROCESS=true only if exactly one server process will ever run"
    )
  }
  for (const name of ["STORE_CORS", "ADMIN_CORS"]) {
    if (!env[name]) throw new ConfigError(`${name} is not set: production names the storefront and admin origins it accepts`)
  }
  // Emailed links (verification, password reset, claim codes) would otherwise point at localhost.
  for (const name of ["STOREFRONT_COM_URL", "STOREFRONT_ORG_URL"]) {
    if (!env[name]) throw new ConfigError(`${name} is not set: production emails customers links to the storefronts' public addresses`)
  }
  for (const name of SIGNER_KEY_VARIABLES) {
    const value = env[name]
    if (value && isWellKnownDevKey(value)) {
      throw new ConfigError(`${name} is one of Hardhat's published development keys: anyone can sign with it; use a key of your own`)
    }
  }
}

export function readServerEnv(env: NodeJS.ProcessEnv = process.env): ServerEnv {
  const nodeEnv = env.NODE_ENV || "development"
  const isProduction = nodeEnv === "production"
  const port = positiveInt(env, "PORT", 9000)

  const workerMode = (env.MEDUSA_WORKER_MODE || "shared") as ServerEnv["workerMode"]
  if (!["shared", "worker", "server"].includes(workerMode)) {
    throw new ConfigError(`MEDUSA_WORKER_MODE must be shared, worker or server, got "${workerMode}"`)
  }
  if (env.STRIPE_API_URL && isProduction) {
    throw new ConfigError("STRIPE_API_URL is set: production talks to Stripe itself, never to a stand-in")
  }
  if (env.STRIPE_API_URL && !/^https?:\/\/[^/]+/.test(env.STRIPE_API_URL)) {
    throw new ConfigError(`STRIPE_API_URL: "${env.STRIPE_API_URL}" is not an http(s) URL`)
  }
  if (isProduction && !env.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set: production does not run on the embedded database")
  }
  if (env.STRIPE_API_KEY && !env.STRIPE_WEBHOOK_SECRET && isProduction) {
    throw new ConfigError("STRIPE_WEBHOOK_SECRET is not set: Stripe needs it to verify its webhooks")
  }

  const settings: ServerEnv = {
    nodeEnv,
    isProduction,
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databasePoolMax: positiveInt(env, "DATABASE_POOL_MAX", 20),
    redisUrl: env.REDIS_URL || undefined,
    jwtSecret: checkSecret("JWT_SECRET", env.JWT_SECRET, isProduction),
    cookieSecret: checkSecret("COOKIE_SECRET", env.COOKIE_SECRET, isProduction),
    storeCors: env.STORE_CORS || DEFAULT_STORE_CORS,
    adminCors: env.ADMIN_CORS || DEFAULT_ADMIN_CORS,
    adminCookieSameSite: adminCookieSameSite(env),
    authCors: env.AUTH_CORS || env.ADMIN_CORS || DEFAULT_ADMIN_CORS,
    backendUrl: (env.MEDUSA_BACKEND_URL || `http://localhost:${port}`).replace(/\/$/, ""),
    stripeApiKey: env.STRIPE_API_KEY || undefined,
    stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    payments: payments(env, isProduction),
    stripeApiUrl: env.STRIPE_API_URL || undefined,
    meilisearchHost: env.MEILISEARCH_HOST || undefined,
    meilisearchApiKey: env.MEILISEARCH_API_KEY || undefined,
    catalog: catalogOptions(env),
    workerMode,
    serveAdmin: env.MEDUSA_ADMIN_SERVE !== "false",
    embeddedPostgresPort: positiveInt(env, "EMBEDDED_POSTGRES_PORT", 54329),
    embeddedPostgresDir: env.EMBEDDED_POSTGRES_DIR || "",
    rateLimits: {
      windowSeconds: positiveInt(env, "RATE_LIMIT_WINDOW_SECONDS", 60),
      loginPerAccount: positiveInt(env, "RATE_LIMIT_LOGIN", 10),
      loginPerClient: positiveInt(env, "RATE_LIMIT_LOGIN_PER_CLIENT", 30),
      checkoutPerCart: positiveInt(env, "RATE_LIMIT_CHECKOUT_PER_CART", 10),
      checkoutPerIp: positiveInt(env, "RATE_LIMIT_CHECKOUT_PER_IP", 60),
      accountEmailsPerAddress: positiveInt(env, "RATE_LIMIT_ACCOUNT_EMAILS", 5),
      accountPerClient: positiveInt(env, "RATE_LIMIT_ACCOUNT_PER_CLIENT", 20),
      orderLookupPerClient: positiveInt(env, "RATE_LIMIT_ORDER_LOOKUP_PER_CLIENT", 20),
      orderLookupPerEmail: positiveInt(env, "RATE_LIMIT_ORDER_LOOKUP_PER_EMAIL", 10),
      catalogPerClient: positiveInt(env, "RATE_LIMIT_CATALOG_PER_CLIENT", 1200),
      storeListsPerClient: positiveInt(env, "RATE_LIMIT_STORE_LISTS_PER_CLIENT", 1200),
      memoryKeys: positiveInt(env, "RATE_LIMIT_MEMORY_KEYS", 20_000),
    },
    trustProxy: trustProxy(env),
    storefrontComUrl: httpUrl(env, "STOREFRONT_COM_URL", "http://localhost:8000"),
    bodySizeLimit: env.BODY_SIZE_LIMIT || "100kb",
    email: {
      resendApiKey: env.RESEND_API_KEY || undefined,
      emailFrom: env.EMAIL_FROM || "PVA Bazaar <orders@pvabazaar.com>",
      adminAlertEmail: env.ADMIN_ALERT_EMAIL || "admin@pvabazaar.local",
    },
    // Validated here so production refuses a missing WEBHOOK_SECRET_KEY before anything starts.
    partners: resolvePartnerSettings({}, env),
    storefrontRevalidation: storefrontRevalidation(env, isProduction),
    chainSyncFollow: env.CHAIN_SYNC_FOLLOW === "true" && workerMode !== "server",
    guestOrderConfirmationMinutes: guestOrderConfirmationMinutes(env),
    // The digital-twin plugin's settings, resolved here so a bad value stops the start, not a claim or a sign-in.
    ...twinSettings(env),
    files: readFileSettings(env, (env.MEDUSA_BACKEND_URL || `http://localhost:${port}`).replace(/\/$/, "")),
  }
  if (isProduction) checkProductionDeployment(env)
  return settings
}

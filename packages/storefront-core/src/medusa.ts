import Medusa from "@medusajs/medusa-js"

export type StorefrontConfig = {
  /** Where this process calls Medusa: the internal URL on a storefront server that has one. */
  baseUrl: string
  /** Where browsers reach Medusa (images, /ipfs links, the shop's own cart calls). */
  publicUrl: string
  publishableKey: string
}

type Env = Record<string, string | undefined>

const withoutSlash = (url: string) => url.replace(/\/$/, "")

/**
 * The storefront's Medusa server and publishable key, from the env the dev script writes.
 * In a container `localhost` is the container itself, so the storefront's server calls Medusa
 * at MEDUSA_BACKEND_URL_INTERNAL when set (e.g. http://medusa-server:9000 in docker compose),
 * while browsers keep NEXT_PUBLIC_MEDUSA_BACKEND_URL. Next inlines only NEXT_PUBLIC_* into
 * browser bundles, so the internal URL never reaches a page.
 */
export function storefrontConfig(env: Env = process.env): StorefrontConfig {
  const publicUrl = withoutSlash(env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000")
  return {
    baseUrl: env.MEDUSA_BACKEND_URL_INTERNAL ? withoutSlash(env.MEDUSA_BACKEND_URL_INTERNAL) : publicUrl,
    publicUrl,
    publishableKey: env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "",
  }
}

/** What a page running in the browser is given: the public URL only. */
export function browserConfig(env: Env = process.env): StorefrontConfig {
  const config = storefrontConfig(env)
  return { baseUrl: config.publicUrl, publicUrl: config.publicUrl, publishableKey: config.publishableKey }
}

/**
 * A medusa-js client for one storefront. A customer's token (server side only, read from
 * the session cookie) and the browser's address are passed per client and never stored
 * on a shared one, so no request carries another shopper's identity.
 */
export function createMedusaClient(config: Pick<StorefrontConfig, "baseUrl" | "publishableKey">, opts: { token?: string | null; forwardedFor?: string | null } = {}) {
  const customHeaders: Record<string, string> = {}
  if (opts.token) customHeaders.Authorization = `Bearer ${opts.token}`
  if (opts.forwardedFor) customHeaders["X-Forwarded-For"] = opts.forwardedFor
  return new Medusa({
    baseUrl: config.baseUrl,
    maxRetries: 0,
    publishableApiKey: config.publishableKey || undefined,
    customHeaders,
  } as any)
}

export type MedusaClient = ReturnType<typeof createMedusaClient>

/** The message Medusa put in a 4xx, or a plain one; never a stack trace. */
export function errorMessage(err: any, fallback = "Something went wrong. Please try again."): string {
  return err?.response?.data?.message || err?.message || fallback
}

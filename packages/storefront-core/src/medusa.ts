import Medusa from "@medusajs/medusa-js"

export type StorefrontConfig = { baseUrl: string; publishableKey: string }

/** The storefront's Medusa server and publishable key, from the env the dev script writes. */
export function storefrontConfig(env: Record<string, string | undefined> = process.env): StorefrontConfig {
  return {
    baseUrl: (env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, ""),
    publishableKey: env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "",
  }
}

/**
 * A medusa-js client for one storefront. A customer's token (server side only, read from
 * the session cookie) and the browser's address are passed per client and never stored
 * on a shared one, so no request carries another shopper's identity.
 */
export function createMedusaClient(config: StorefrontConfig, opts: { token?: string | null; forwardedFor?: string | null } = {}) {
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

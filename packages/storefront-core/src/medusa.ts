import Medusa from "@medusajs/medusa-js"
import type { StorefrontConfig } from "./config"

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

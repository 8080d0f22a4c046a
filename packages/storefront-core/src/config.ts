// Kept apart from the medusa-js client so that page code reading the config does not
// download medusa-js and axios with it (the shop loads them only when a cart needs them).

export type StorefrontConfig = { baseUrl: string; publishableKey: string }

/** The storefront's Medusa server and publishable key, from the env the dev script writes. */
export function storefrontConfig(env: Record<string, string | undefined> = process.env): StorefrontConfig {
  return {
    baseUrl: (env.NEXT_PUBLIC_MEDUSA_BACKEND_URL || "http://localhost:9000").replace(/\/$/, ""),
    publishableKey: env.NEXT_PUBLIC_MEDUSA_PUBLISHABLE_KEY || "",
  }
}

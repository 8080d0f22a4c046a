// Kept apart from the medusa-js client so that page code reading the config does not
// download medusa-js and axios with it (the shop loads them only when a cart needs them).

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

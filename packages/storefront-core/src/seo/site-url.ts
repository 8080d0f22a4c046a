type Env = Record<string, string | undefined>

/**
 * The site's public origin as search engines and shared links should name it (canonical URLs,
 * the sitemap, og:url). Read per request from NEXT_PUBLIC_SITE_URL through `env` (not inlined at
 * build time), so one build serves any host; `fallback` is the storefront's dev address.
 */
export function siteUrl(fallback: string, env: Env = process.env): string {
  const raw = env.NEXT_PUBLIC_SITE_URL || fallback
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`NEXT_PUBLIC_SITE_URL must be an absolute http(s) URL, got "${raw}"`)
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`NEXT_PUBLIC_SITE_URL must be http(s), got "${raw}"`)
  return url.origin
}

/** `path` (starting with "/") on the site; its segments are taken as they are, already encoded. */
export const absoluteUrl = (origin: string, path: string) => `${origin}${path.startsWith("/") ? path : `/${path}`}`

/**
 * Where to send a visitor after signing in, from a `next` the address bar supplied: a path on
 * this site, or `fallback`. `startsWith("/")` is not enough: browsers read `/\evil.example`,
 * `/<tab>/evil.example` and `/.//evil.example` as the other host `evil.example`. So `next` is
 * resolved against the site's origin exactly as a browser would, must stay on that origin, and
 * the answer is the normalised path, checked once more in the form the browser will read it.
 */
export function safeNextPath(next: unknown, fallback: string, origin = "https://site.invalid"): string {
  if (typeof next !== "string" || !next.startsWith("/")) return fallback
  const site = new URL(origin).origin
  const target = sameOrigin(next, site)
  if (!target) return fallback
  const path = `${target.pathname}${target.search}${target.hash}`
  return sameOrigin(path, site) ? path : fallback
}

function sameOrigin(href: string, site: string): URL | null {
  try {
    const url = new URL(href, site)
    return url.origin === site ? url : null
  } catch {
    return null
  }
}

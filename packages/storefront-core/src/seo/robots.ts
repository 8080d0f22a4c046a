/** robots.txt as Next's `app/robots.ts` answers it: everything but `disallow` is crawlable, the sitemap named. */
export function robotsRules(origin: string, disallow: string[]) {
  return {
    rules: [{ userAgent: "*", allow: "/", disallow }],
    sitemap: `${origin}/sitemap.xml`,
    host: origin,
  }
}

/** The sitemap protocol's limit of URLs per file; past it the site answers a sitemap index. */
export const SITEMAP_MAX_URLS = 50_000

export type SitemapEntry = { url: string; lastModified?: string | Date | null }

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;")

const lastmod = (d: SitemapEntry["lastModified"]) => {
  if (!d) return ""
  const date = new Date(d)
  return Number.isNaN(date.getTime()) ? "" : `<lastmod>${date.toISOString()}</lastmod>`
}

/** How many sitemap files `count` URLs need. */
export const sitemapPageCount = (count: number, max = SITEMAP_MAX_URLS) => Math.max(1, Math.ceil(count / max))

/** The `n`th (from 0) slice of the URLs a sitemap file holds; null past the last one. */
export function sitemapPage<T>(entries: T[], n: number, max = SITEMAP_MAX_URLS): T[] | null {
  if (!Number.isInteger(n) || n < 0 || n >= sitemapPageCount(entries.length, max)) return null
  return entries.slice(n * max, (n + 1) * max)
}

export function urlsetXml(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => `<url><loc>${escapeXml(e.url)}</loc>${lastmod(e.lastModified)}</url>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join("\n")}\n</urlset>\n`
}

export function sitemapIndexXml(sitemapUrls: string[]): string {
  const items = sitemapUrls.map((u) => `<sitemap><loc>${escapeXml(u)}</loc></sitemap>`)
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</sitemapindex>\n`
}

/** The file the site's path `/sitemap/<n>.xml` names, as its route parameter reads "<n>.xml". */
export function sitemapFileNumber(param: string): number | null {
  const m = /^(\d{1,6})\.xml$/.exec(param)
  return m ? Number(m[1]) : null
}

/**
 * What `/sitemap.xml` answers: every URL when they fit in one file, else an index of
 * `/sitemap/<n>.xml` files of at most `max` URLs each.
 */
export function sitemapRoot(origin: string, entries: SitemapEntry[], max = SITEMAP_MAX_URLS): string {
  if (entries.length <= max) return urlsetXml(entries)
  const files = Array.from({ length: sitemapPageCount(entries.length, max) }, (_, n) => `${origin}/sitemap/${n}.xml`)
  return sitemapIndexXml(files)
}

/** A sitemap route's response: XML, cached briefly by crawlers and proxies. */
export function xmlResponse(body: string, status = 200): Response {
  return new Response(body, {
    status,
    headers: { "content-type": status === 200 ? "application/xml; charset=utf-8" : "text/plain; charset=utf-8", "cache-control": "public, max-age=600" },
  })
}

/**
 * The two route handlers of a site's sitemap: `root` for /sitemap.xml, `file` for
 * /sitemap/[file] (the index's "<n>.xml" files). Listing a large catalog takes hundreds of
 * requests to Medusa, so the list is kept for `ttlMs` in this process (the index and its
 * files then agree) and asked again after; a failed listing is not kept.
 */
export function sitemapHandlers(origin: () => string, list: () => Promise<SitemapEntry[]>, opts: { ttlMs?: number; now?: () => number } = {}) {
  const { ttlMs = 10 * 60_000, now = Date.now } = opts
  let kept: { at: number; entries: Promise<SitemapEntry[]> } | null = null
  const entries = () => {
    if (!kept || now() - kept.at >= ttlMs) {
      const listing = list()
      kept = { at: now(), entries: listing }
      listing.catch(() => {
        if (kept?.entries === listing) kept = null
      })
    }
    return kept.entries
  }
  return {
    root: async () => xmlResponse(sitemapRoot(origin(), await entries())),
    file: async (_req: Request, { params }: { params: { file: string } }) => {
      const n = sitemapFileNumber(params.file)
      const page = n === null ? null : sitemapPage(await entries(), n)
      if (!page) return xmlResponse(`No sitemap file "${params.file}": the index at /sitemap.xml names them.`, 404)
      return xmlResponse(urlsetXml(page))
    },
  }
}

/** @jest-environment node */
import { sitemapFileNumber, sitemapHandlers, sitemapPage, sitemapRoot, SITEMAP_MAX_URLS, urlsetXml } from "../seo/sitemap"
import { robotsRules } from "../seo/robots"
import { absoluteUrl, siteUrl } from "../seo/site-url"

const ORIGIN = "https://pvabazaar.com"
const products = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `${ORIGIN}/products/piece-${i}` }))
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1])

describe("the sitemap", () => {
  it("lists every URL in one file up to the protocol's 50,000", () => {
    const xml = sitemapRoot(ORIGIN, products(SITEMAP_MAX_URLS))
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    expect(locs(xml)).toHaveLength(50_000)
    expect(locs(xml)[49_999]).toBe(`${ORIGIN}/products/piece-49999`)
  })

  it("becomes an index of files of at most 50,000 URLs past that, and the files together hold every URL once", () => {
    const all = products(120_001)
    const index = sitemapRoot(ORIGIN, all)
    expect(index).toContain("<sitemapindex")
    expect(index).not.toContain("<urlset")
    expect(locs(index)).toEqual([`${ORIGIN}/sitemap/0.xml`, `${ORIGIN}/sitemap/1.xml`, `${ORIGIN}/sitemap/2.xml`])
    const files = locs(index).map((u) => sitemapPage(all, sitemapFileNumber(u.split("/").pop()!)!)!)
    expect(files.map((f) => f.length)).toEqual([50_000, 50_000, 20_001])
    const listed = files.flatMap((f) => locs(urlsetXml(f)))
    expect(listed).toHaveLength(120_001)
    expect(new Set(listed).size).toBe(120_001)
  })

  it("has no file past the last, nor for a malformed name", () => {
    expect(sitemapPage(products(10), 1)).toBeNull()
    expect(sitemapPage(products(10), -1)).toBeNull()
    expect(sitemapFileNumber("0.xml")).toBe(0)
    for (const bad of ["x.xml", "1", "1.xml.gz", "../1.xml", "-1.xml"]) expect(sitemapFileNumber(bad)).toBeNull()
  })

  it("escapes URLs and writes last modification dates in W3C format", () => {
    const xml = urlsetXml([{ url: `${ORIGIN}/store?partner=a&b=<c>`, lastModified: "2026-01-02T03:04:05Z" }, { url: `${ORIGIN}/`, lastModified: "not a date" }])
    expect(xml).toContain(`<loc>${ORIGIN}/store?partner=a&amp;b=&lt;c&gt;</loc><lastmod>2026-01-02T03:04:05.000Z</lastmod>`)
    expect(xml).toContain(`<url><loc>${ORIGIN}/</loc></url>`)
  })
})

describe("robots.txt", () => {
  it("keeps crawlers out of the given paths and names the sitemap", () => {
    expect(robotsRules(ORIGIN, ["/checkout", "/account", "/cart"])).toEqual({
      rules: [{ userAgent: "*", allow: "/", disallow: ["/checkout", "/account", "/cart"] }],
      sitemap: `${ORIGIN}/sitemap.xml`,
      host: ORIGIN,
    })
  })
})

describe("the site's public URL", () => {
  it("comes from NEXT_PUBLIC_SITE_URL, else the storefront's dev address, as an origin without a trailing slash", () => {
    expect(siteUrl("http://localhost:8000", { NEXT_PUBLIC_SITE_URL: "https://pvabazaar.com/" })).toBe("https://pvabazaar.com")
    expect(siteUrl("http://localhost:8000", {})).toBe("http://localhost:8000")
    expect(absoluteUrl("https://pvabazaar.com", "/products/a")).toBe("https://pvabazaar.com/products/a")
  })

  it("refuses a value that is not an absolute http(s) URL", () => {
    expect(() => siteUrl("http://localhost:8000", { NEXT_PUBLIC_SITE_URL: "pvabazaar.com" })).toThrow("NEXT_PUBLIC_SITE_URL must be an absolute http(s) URL")
    expect(() => siteUrl("http://localhost:8000", { NEXT_PUBLIC_SITE_URL: "ftp://pvabazaar.com" })).toThrow("must be http(s)")
  })
})

describe("the sitemap's routes", () => {
  const routes = (list: () => Promise<{ url: string }[]>, clock: { t: number }) =>
    sitemapHandlers(() => ORIGIN, list, { ttlMs: 1000, now: () => clock.t })

  it("list the site once for the index and its files within the time they keep it, then list it again", async () => {
    const clock = { t: 0 }
    let listings = 0
    const { root, file } = routes(async () => (listings++, products(3)), clock)
    expect(locs(await (await root()).text())).toHaveLength(3)
    expect((await file(new Request("http://x"), { params: { file: "0.xml" } })).status).toBe(200)
    expect(listings).toBe(1)
    clock.t = 1000
    await root()
    expect(listings).toBe(2)
  })

  it("answer 404 for a file the index does not name, and do not keep a failed listing", async () => {
    const clock = { t: 0 }
    let fail = true
    const { root, file } = routes(async () => {
      if (fail) throw new Error("Medusa is down")
      return products(3)
    }, clock)
    await expect(root()).rejects.toThrow("Medusa is down")
    fail = false
    expect((await root()).status).toBe(200)
    const missing = await file(new Request("http://x"), { params: { file: "1.xml" } })
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('No sitemap file "1.xml"')
  })
})

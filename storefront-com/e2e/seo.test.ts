import { productStructuredDataProblems, seoOf, sitemapLocs } from "@pva/test-support/structured-data"
import { shop } from "./support"

// global-setup serves the shop with NEXT_PUBLIC_SITE_URL set to this, as production names its own host.
const SITE = "https://pvabazaar.test"

describe("what the shop tells search engines", () => {
  it("lists its products, categories, collections and partners in /sitemap.xml under the public site URL", async () => {
    const res = await fetch(`${shop()}/sitemap.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("application/xml")
    const xml = await res.text()
    expect(xml).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')
    const locs = sitemapLocs(xml)
    expect(locs).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/products/malachite-fish`]))
    expect(locs.every((u) => u.startsWith(`${SITE}/`))).toBe(true)
    // each partner cooperative with pieces in the shop's catalog has its listing
    const seed = JSON.parse(process.env.PVA_TEST_SEED!)
    const catalog = await (await fetch(`${process.env.PVA_TEST_SERVER_URL}/store/catalog?limit=1`, { headers: { "x-publishable-api-key": seed.publishableKeys.com } })).json()
    expect(catalog.facets.partners.length).toBeGreaterThan(0)
    expect(locs).toEqual(expect.arrayContaining(catalog.facets.partners.map((p: { handle: string }) => `${SITE}/store?partner=${p.handle}`)))
    for (const kind of ["/products/", "/categories/", "/collections/"]) {
      expect([kind, locs.some((u) => u.startsWith(`${SITE}${kind}`))]).toEqual([kind, true])
    }
    // every listed page is really there
    for (const url of locs.filter((u) => /\/(categories|collections)\//.test(u)).slice(0, 3)) {
      expect([url, (await fetch(url.replace(SITE, shop()))).status]).toEqual([url, 200])
    }
    expect((await fetch(`${shop()}/sitemap/0.xml`)).status).toBe(200)
    expect((await fetch(`${shop()}/sitemap/1.xml`)).status).toBe(404)
  })

  it("keeps crawlers out of the cart, checkout and account in /robots.txt and points them to the sitemap", async () => {
    const res = await fetch(`${shop()}/robots.txt`)
    expect(res.status).toBe(200)
    const text = await res.text()
    for (const path of ["/checkout", "/account", "/cart"]) expect(text).toContain(`Disallow: ${path}`)
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`)
  })

  it("gives a product page its canonical URL, its image as og:image and a valid Product JSON-LD", async () => {
    const res = await fetch(`${shop()}/products/malachite-fish?utm_source=newsletter`)
    expect(res.status).toBe(200)
    const { canonical, og, jsonLd, jsonLdNonces } = seoOf(await res.text())
    // the JSON-LD carries the response's CSP nonce, like every script of the page
    expect(jsonLdNonces).toEqual([/'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1]])
    expect(jsonLdNonces[0]).toBeTruthy()
    expect(canonical).toEqual([`${SITE}/products/malachite-fish`])
    expect(og["og:image"]?.[0]).toMatch(/^https?:\/\/.+/)
    expect(og["og:url"]).toEqual([`${SITE}/products/malachite-fish`])
    const product = jsonLd.find((d) => d["@type"] === "Product")
    expect(productStructuredDataProblems(product)).toEqual([])
    expect(product.image).toContain(og["og:image"][0])
  })

  it("names the listing itself as canonical for a filtered category page, and the home page as /", async () => {
    const locs = sitemapLocs(await (await fetch(`${shop()}/sitemap.xml`)).text())
    const category = locs.find((u) => u.startsWith(`${SITE}/categories/`))!
    const { canonical } = seoOf(await (await fetch(`${category.replace(SITE, shop())}?sort=price_asc&page=2`)).text())
    expect(canonical).toEqual([category])
    expect(seoOf(await (await fetch(`${shop()}/`)).text()).canonical).toEqual([`${SITE}/`])
  })
})

import { seoOf, sitemapLocs, visualArtworkStructuredDataProblems } from "@pva/test-support/structured-data"
import { site } from "./support"

// global-setup serves the site with NEXT_PUBLIC_SITE_URL set to this.
const SITE = "https://pvabazaar-org.test"
const local = (url: string) => url.replace(SITE, site())

describe("what pvabazaar.org tells search engines", () => {
  it("lists every artifact and offering in /sitemap.xml under the public site URL", async () => {
    const res = await fetch(`${site()}/sitemap.xml`)
    expect(res.status).toBe(200)
    expect(res.headers.get("content-type")).toContain("application/xml")
    const locs = sitemapLocs(await res.text())
    const twins = (await (await fetch(`${process.env.PVA_TEST_SERVER_URL}/store/twins?limit=100`, { headers: { "x-publishable-api-key": JSON.parse(process.env.PVA_TEST_SEED!).publishableKeys.org } })).json()).twins
    expect(twins.length).toBeGreaterThan(0)
    expect(locs).toEqual(expect.arrayContaining([`${SITE}/`, `${SITE}/artifacts`, `${SITE}/offerings`, ...twins.map((t: any) => `${SITE}/artifacts/${t.token_id}`)]))
    const offerings = locs.filter((u) => u.startsWith(`${SITE}/offerings/`))
    expect(offerings.length).toBeGreaterThan(0)
    expect((await fetch(local(offerings[0]))).status).toBe(200)
    expect((await fetch(`${site()}/sitemap/9.xml`)).status).toBe(404)
  })

  it("keeps crawlers out of accounts, checkout and claims in /robots.txt and points them to the sitemap", async () => {
    const text = await (await fetch(`${site()}/robots.txt`)).text()
    for (const path of ["/account", "/checkout", "/claim"]) expect(text).toContain(`Disallow: ${path}`)
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`)
  })

  it("gives an artifact page its canonical URL, its photo then its twin image as og:image and a valid VisualArtwork JSON-LD", async () => {
    const locs = sitemapLocs(await (await fetch(`${site()}/sitemap.xml`)).text())
    const artifact = locs.find((u) => /\/artifacts\/\d+$/.test(u))!
    const res = await fetch(`${local(artifact)}?ref=share`)
    expect(res.status).toBe(200)
    const { canonical, og, jsonLd, jsonLdNonces } = seoOf(await res.text())
    // the JSON-LD carries the response's CSP nonce, like every script of the page
    expect(jsonLdNonces).toEqual([/'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1]])
    expect(jsonLdNonces[0]).toBeTruthy()
    expect(canonical).toEqual([artifact])
    expect(og["og:url"]).toEqual([artifact])
    // a link preview shows the piece's raster photo (networks do not show an SVG), then the twin's image
    const [photo, twinImage] = og["og:image"] ?? []
    expect(photo).toMatch(new RegExp(`^${process.env.PVA_TEST_SERVER_URL}/.+\\.(avif|webp|jpe?g|png)$`))
    expect(twinImage).toMatch(new RegExp(`^${process.env.PVA_TEST_SERVER_URL}/`))
    const artwork = jsonLd.find((d) => d["@type"] === "VisualArtwork")
    expect(visualArtworkStructuredDataProblems(artwork)).toEqual([])
    expect(artwork).toMatchObject({ url: artifact, image: [photo, twinImage] })
    // the images named are really served, the photo as an image
    for (const image of [photo, twinImage]) expect((await fetch(image)).status).toBe(200)
    expect((await fetch(photo)).headers.get("content-type")).toMatch(/^image\/(avif|webp|jpeg|png)$/)
  })
})

import { absoluteUrl, sitemapHandlers, createMedusaClient, siteUrl, storefrontConfig, type SitemapEntry } from "@pva/storefront-core"
import { listCategories, listCollections } from "./catalog"

/** pvabazaar.com's public origin (NEXT_PUBLIC_SITE_URL; the dev server's address by default). */
export const shopUrl = () => siteUrl("http://localhost:8000")
export const shopPageUrl = (path: string) => absoluteUrl(shopUrl(), path)

/** Every product of the shop's sales channel, a hundred a request (Medusa's list limit). */
async function productHandles(): Promise<Array<{ handle: string; updated_at: string | null }>> {
  const client = createMedusaClient(storefrontConfig())
  const found: Array<{ handle: string; updated_at: string | null }> = []
  for (let count = Infinity; found.length < count; ) {
    const page: any = await client.products.list({ limit: 100, offset: found.length, fields: "id,handle,updated_at", expand: "" } as any)
    found.push(...page.products.filter((p: any) => p.handle).map((p: any) => ({ handle: p.handle, updated_at: p.updated_at ?? null })))
    count = page.products.length ? page.count : found.length
  }
  return found
}

/** The partner cooperatives with pieces on sale, as the catalog's partner facet counts them. */
async function partnerHandles(): Promise<string[]> {
  const { baseUrl, publishableKey } = storefrontConfig()
  const res = await fetch(`${baseUrl}/store/catalog?limit=1`, { headers: { "x-publishable-api-key": publishableKey }, cache: "no-store" })
  if (!res.ok) throw new Error(`catalog answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
  return ((await res.json()).facets?.partners ?? []).map((p: { handle: string }) => p.handle)
}

/** The shop's crawlable pages: home, the store, each product, category, collection and partner listing. */
export async function shopSitemapEntries(): Promise<SitemapEntry[]> {
  const [products, categories, collections, partners] = await Promise.all([productHandles(), listCategories(), listCollections(), partnerHandles()])
  const at = (path: string, lastModified?: string | null): SitemapEntry => ({ url: shopPageUrl(path), lastModified })
  return [
    at("/"),
    at("/store"),
    ...products.map((p) => at(`/products/${encodeURIComponent(p.handle)}`, p.updated_at)),
    ...categories.map((c) => at(`/categories/${encodeURIComponent(c.handle)}`)),
    ...collections.map((c) => at(`/collections/${encodeURIComponent(c.handle)}`)),
    ...partners.map((h) => at(`/store?partner=${encodeURIComponent(h)}`)),
  ]
}

/** /sitemap.xml and the files of its index, past 50,000 URLs. */
export const shopSitemap = sitemapHandlers(shopUrl, shopSitemapEntries)

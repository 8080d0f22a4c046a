import { unstable_cache } from "next/cache"
import { cookies } from "next/headers"
import { createMedusaClient, storefrontConfig } from "@pva/storefront-core"

// Catalog data is the same for every shopper of a region, so it is cached across
// requests under the "products" tag (POST /api/revalidate drops it when Medusa says a
// product changed). Nothing customer-specific is ever fetched here.
const client = () => createMedusaClient(storefrontConfig())
const PAGE = 100
// Cache entries belong to one Medusa server and storefront key, never to another's.
const SCOPE = [storefrontConfig().baseUrl, storefrontConfig().publishableKey]

export const REGION_COOKIE = "pva_region"
// Medusa's default product relations leave out categories, which the filters need.
const EXPAND = "categories,variants,variants.prices,variants.options,images,options,options.values"

export const listRegions = unstable_cache(
  async () => (await client().regions.list()).regions.map((r: any) => ({ id: r.id, name: r.name, currency_code: r.currency_code, countries: r.countries.map((c: any) => ({ iso_2: c.iso_2, display_name: c.display_name })) })),
  ["regions", ...SCOPE],
  { tags: ["regions"], revalidate: 3600 }
)

/** The shopper's region: their cookie's, else the US dollar one. */
export async function currentRegion() {
  const regions = await listRegions()
  const chosen = cookies().get(REGION_COOKIE)?.value
  return regions.find((r) => r.id === chosen) ?? regions.find((r) => r.currency_code === "usd") ?? regions[0]
}

export const listProducts = unstable_cache(
  async (regionId: string) => {
    const products: any[] = []
    for (let offset = 0; ; offset += PAGE) {
      const page = await client().products.list({ region_id: regionId, limit: PAGE, offset, expand: EXPAND } as any)
      products.push(...page.products.map(slim))
      if (products.length >= page.count || page.products.length === 0) return products
    }
  },
  ["products", ...SCOPE],
  { tags: ["products"], revalidate: 600 }
)

export const productByHandle = unstable_cache(
  async (handle: string, regionId: string) => {
    const { products } = await client().products.list({ handle, region_id: regionId, expand: EXPAND } as any)
    return products[0] ? slim(products[0]) : null
  },
  ["product", ...SCOPE],
  { tags: ["products"], revalidate: 600 }
)

export const listCategories = unstable_cache(
  async () => {
    const { product_categories } = await client().productCategories.list({ limit: 200, include_descendants_tree: false } as any)
    return product_categories.map((c: any) => ({ id: c.id, name: c.name, handle: c.handle, parent_category_id: c.parent_category_id }))
  },
  ["categories", ...SCOPE],
  { tags: ["products"], revalidate: 600 }
)

export const listCollections = unstable_cache(
  async () => (await client().collections.list({ limit: 100 } as any)).collections.map((c: any) => ({ id: c.id, title: c.title, handle: c.handle })),
  ["collections", ...SCOPE],
  { tags: ["products"], revalidate: 600 }
)

export const partnerByHandle = unstable_cache(
  async (handle: string) => {
    try {
      const res = await fetch(`${storefrontConfig().baseUrl}/store/partners/${encodeURIComponent(handle)}`)
      return res.ok ? (await res.json()).partner : null
    } catch {
      return null
    }
  },
  ["partner", ...SCOPE],
  { tags: ["partners"], revalidate: 3600 }
)

/** Only what pages render: keeps cached entries and the HTML payload small. */
function slim(p: any) {
  return {
    id: p.id,
    title: p.title,
    handle: p.handle,
    description: p.description,
    thumbnail: p.thumbnail,
    images: (p.images ?? []).map((i: any) => i.url),
    categories: (p.categories ?? []).map((c: any) => c.id),
    collection_id: p.collection_id ?? null,
    created_at: p.created_at,
    digital_twin: Boolean(p.metadata?.digital_twin),
    origin: p.metadata?.origin ?? p.origin_country ?? null,
    material: p.material ?? null,
    partner: p.partner ?? null,
    options: (p.options ?? []).map((o: any) => ({ id: o.id, title: o.title })),
    variants: (p.variants ?? []).map((v: any) => ({
      id: v.id,
      title: v.title,
      sku: v.sku,
      inventory_quantity: v.inventory_quantity,
      manage_inventory: v.manage_inventory,
      allow_backorder: v.allow_backorder,
      calculated_price: v.calculated_price ?? null,
      prices: (v.prices ?? []).map((pr: any) => ({ currency_code: pr.currency_code, amount: pr.amount, region_id: pr.region_id })),
      options: (v.options ?? []).map((o: any) => ({ option_id: o.option_id, value: o.value })),
    })),
  }
}

export type CatalogProduct = ReturnType<typeof slim>
export type Region = Awaited<ReturnType<typeof listRegions>>[number]

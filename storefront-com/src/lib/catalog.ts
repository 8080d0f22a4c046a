import { unstable_cache } from "next/cache"
import { cookies, headers } from "next/headers"
import { createMedusaClient, storefrontConfig } from "@pva/storefront-core"
import { browserIp } from "@pva/storefront-core/session"

// Catalog data is the same for every shopper of a region. Product pages are cached
// across requests under `product:<id>` (POST /api/revalidate drops exactly the products
// Medusa says changed); listings ask the catalog API each time. Nothing
// customer-specific is ever fetched here.
const client = () => createMedusaClient(storefrontConfig())
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

/** One page of `GET /store/catalog`: the server filters, sorts, pages and counts. */
export type CatalogPage = {
  products: CatalogItem[]
  count: number
  page: number
  limit: number
  currency_code: string
  facets: {
    categories: Array<{ id: string; name: string; handle: string; count: number }>
    partners: Array<{ handle: string; name: string; count: number }>
    price: Array<{ min: number; max: number | null; count: number }>
    in_stock: { in_stock: number; out_of_stock: number }
  }
}

export type CatalogItem = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  /** Medusa's calculated price: running public price lists included. */
  price: { amount: number; currency_code: string } | null
  /** Only while a price list lowers the price: the price before it. */
  original_price?: { amount: number; currency_code: string }
  in_stock: boolean
  digital_twin: boolean
  partner: { name: string; handle: string; country: string } | null
  category_ids: string[]
  collection_id: string | null
}

/** How long a listing page's answer is reused; a product page or the cart always shows current stock. */
const LISTING_SECONDS = 5

/**
 * Listing pages ask the catalog API for just their page, and reuse the answer for a few
 * seconds (by time, not tag: a sale must not flush every listing of the shop). The
 * browser's address goes along, so Medusa's per-client catalog limit counts shoppers,
 * not this server (which Medusa's TRUST_PROXY lists).
 */
export async function searchCatalog(params: URLSearchParams): Promise<CatalogPage> {
  const { baseUrl, publishableKey } = storefrontConfig()
  const browser = browserIp(headers())
  const res = await fetch(`${baseUrl}/store/catalog?${params}`, {
    headers: { "x-publishable-api-key": publishableKey, ...(browser ? { "x-forwarded-for": browser } : {}) },
    next: { revalidate: LISTING_SECONDS },
  })
  if (!res.ok) throw new Error(`catalog answered ${res.status}: ${(await res.text()).slice(0, 200)}`)
  return res.json()
}

// Which product a handle names; a missing handle is not remembered, so a new product shows at once.
const NOT_FOUND = "not-found"
const productIdByHandle = unstable_cache(
  async (handle: string) => {
    const { products } = await client().products.list({ handle, limit: 1, fields: "id" } as any)
    if (!products[0]) throw new Error(NOT_FOUND)
    return products[0].id as string
  },
  ["product-id", ...SCOPE],
  { tags: ["products"], revalidate: 3600 }
)

/**
 * A product page's data, cached under `product:<id>`: when Medusa says this product
 * changed, only its pages are dropped, never the rest of the catalog.
 */
export async function productByHandle(handle: string, regionId: string) {
  const id = await productIdByHandle(handle).catch((err) => {
    if (err?.message === NOT_FOUND) return null
    throw err
  })
  if (!id) return null
  return unstable_cache(
    async () => {
      const { products } = await client().products.list({ id, region_id: regionId, expand: EXPAND } as any)
      return products[0] && products[0].handle === handle ? slim(products[0]) : null
    },
    ["product", id, regionId, ...SCOPE],
    { tags: [`product:${id}`, "products"], revalidate: 600 }
  )()
}

export const listCategories = unstable_cache(
  async () => {
    // Medusa's list routes give at most 100 rows a request (medusa-server's list-limit.ts): page through them.
    const product_categories: any[] = []
    for (let count = Infinity; product_categories.length < count; ) {
      const page: any = await client().productCategories.list({ limit: 100, offset: product_categories.length, include_descendants_tree: false } as any)
      product_categories.push(...page.product_categories)
      count = page.product_categories.length ? page.count : product_categories.length
    }
    return product_categories.map((c: any) => ({ id: c.id, name: c.name, handle: c.handle, parent_category_id: c.parent_category_id }))
  },
  ["categories", ...SCOPE],
  { tags: ["categories"], revalidate: 600 }
)

export const listCollections = unstable_cache(
  async () => (await client().collections.list({ limit: 100 } as any)).collections.map((c: any) => ({ id: c.id, title: c.title, handle: c.handle })),
  ["collections", ...SCOPE],
  { tags: ["collections"], revalidate: 600 }
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

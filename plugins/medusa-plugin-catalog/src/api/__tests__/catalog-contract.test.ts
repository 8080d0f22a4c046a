import { get as httpGet, type IncomingHttpHeaders } from "http"
import { gunzipSync } from "zlib"
import { query } from "@pva/test-support/database"
import { adminToken, createStockedProduct, http, testSeed, testServerUrl } from "@pva/test-support/store"
import { PRICE_BUCKET_BOUNDS } from "../../lib/catalog-engine"
import { catalog, categoryByHandle, caughtUp, comChannel, databaseUrl, regionId, unique } from "../../../test-support/catalog"

/**
 * The contract every catalog engine answers the same way (Postgres here; Meilisearch in
 * CI with MEILISEARCH_HOST set). Facet counts are checked against plain SQL over Medusa's
 * own tables, never against the read model itself.
 */

// What the storefront's channel offers, straight from Medusa's tables: published products
// of the channel, their categories with every ancestor, stock and cheapest USD price
// (Medusa's rule: prices needing no quantity, their own or from a running price list
// open to every shopper).
const PLAIN_SQL = `
WITH RECURSIVE visible AS (
  SELECT p.id FROM product p
   WHERE p.status = 'published' AND p.deleted_at IS NULL
     AND EXISTS (SELECT 1 FROM product_sales_channel psc WHERE psc.product_id = p.id AND psc.sales_channel_id = $1)
),
tree AS (
  SELECT pcp.product_id, c.id, c.parent_category_id
    FROM product_category_product pcp JOIN product_category c ON c.id = pcp.product_category_id
   WHERE pcp.product_id IN (SELECT id FROM visible) AND c.is_active AND NOT c.is_internal
  UNION
  SELECT t.product_id, c.id, c.parent_category_id FROM tree t JOIN product_category c ON c.id = t.parent_category_id
   WHERE c.is_active AND NOT c.is_internal
)
SELECT v.id,
       (SELECT COALESCE(array_agg(DISTINCT t.id), '{}') FROM tree t WHERE t.product_id = v.id) AS category_ids,
       (SELECT bool_or(NOT pv.manage_inventory OR pv.allow_backorder OR pv.inventory_quantity > 0)
          FROM product_variant pv WHERE pv.product_id = v.id AND pv.deleted_at IS NULL) AS in_stock,
       (SELECT min(ma.amount)::int FROM product_variant pv
          JOIN product_variant_money_amount pvma ON pvma.variant_id = pv.id AND pvma.deleted_at IS NULL
          JOIN money_amount ma ON ma.id = pvma.money_amount_id AND ma.deleted_at IS NULL
          LEFT JOIN price_list pl ON pl.id = ma.price_list_id AND pl.deleted_at IS NULL
         WHERE pv.product_id = v.id AND pv.deleted_at IS NULL AND ma.currency_code = 'usd' AND COALESCE(ma.min_quantity, 0) = 0
           AND (ma.price_list_id IS NULL
                OR (pl.status = 'active' AND (pl.starts_at IS NULL OR pl.starts_at < now()) AND (pl.ends_at IS NULL OR pl.ends_at > now())
                    AND NOT EXISTS (SELECT 1 FROM price_list_customer_groups g WHERE g.price_list_id = pl.id)))) AS price
  FROM visible v`

type Plain = { id: string; category_ids: string[]; in_stock: boolean; price: number | null }
const plainCatalog = async (): Promise<Plain[]> => query(databaseUrl(), PLAIN_SQL, [comChannel()])

function categoryCounts(rows: Plain[]) {
  const counts: Record<string, number> = {}
  for (const r of rows) for (const c of r.category_ids) counts[c] = (counts[c] ?? 0) + 1
  return counts
}

function bucketCounts(rows: Plain[]) {
  return PRICE_BUCKET_BOUNDS.map((min, i) => {
    const max = PRICE_BUCKET_BOUNDS[i + 1] ?? Infinity
    return rows.filter((r) => r.price !== null && r.price >= min && r.price < max).length
  })
}

const facetCounts = (facets: { categories: Array<{ id: string; count: number }> }) =>
  Object.fromEntries(facets.categories.map((c) => [c.id, c.count]))

let usRegion: string
let euRegion: string

beforeAll(async () => {
  await caughtUp()
  usRegion = await regionId("United States")
  euRegion = await regionId("Europe")
})

describe("GET /store/catalog", () => {
  it("answers from Meilisearch when MEILISEARCH_HOST is set, else from Postgres", async () => {
    const res: any = await catalog(`region_id=${usRegion}&limit=1`)
    expect(res.engine).toBe(process.env.MEILISEARCH_HOST ? "meilisearch" : "postgres")
  })

  it("finds the emerald pendant when the shopper types 'emrald'", async () => {
    const typo = await catalog(`q=emrald&region_id=${usRegion}`)
    expect(typo.products.map((p) => p.handle)).toContain("amradjet-emerald-pendant")
    expect(typo.products.every((p) => /emerald/i.test(p.title))).toBe(true)
    for (const q of ["emrald pendant", "Emerald Pendant", "pendnt emerald"]) {
      const res = await catalog(`q=${encodeURIComponent(q)}&region_id=${usRegion}`)
      expect(res.products[0]?.handle).toBe("amradjet-emerald-pendant")
    }
    const none = await catalog(`q=${encodeURIComponent("zzqxj vvkkw")}&region_id=${usRegion}`)
    expect(none).toMatchObject({ count: 0, products: [] })
  })

  it("prices each product in the region's currency", async () => {
    const us = await catalog(`q=emerald&region_id=${usRegion}`)
    const eu = await catalog(`q=emerald&region_id=${euRegion}`)
    const pendant = (res: any) => res.products.find((p: any) => p.handle === "amradjet-emerald-pendant")
    expect(pendant(us).price).toEqual({ amount: 62500, currency_code: "usd" })
    expect(pendant(eu).price).toEqual({ amount: 57900, currency_code: "eur" })
    expect(eu.currency_code).toBe("eur")
    expect(eu.facets.price.length).toBeGreaterThan(0)
    expect(eu.facets.price.every((b: any) => b.currency_code === "eur")).toBe(true)
  })

  it("answers each product with its thumbnail, stock flag, partner and twin badge", async () => {
    const res = await catalog(`q=emerald&region_id=${usRegion}`)
    const pendant = res.products.find((p) => p.handle === "amradjet-emerald-pendant")
    expect(pendant).toMatchObject({ title: "Amradjet Emerald Pendant", digital_twin: true, in_stock: true })
    expect(pendant.thumbnail).toMatch(/^http/)
    const [expected] = await query(
      databaseUrl(),
      `SELECT pa.name, pa.handle FROM product p JOIN partner pa ON pa.id = p.partner_id AND pa.status = 'approved' AND pa.is_active WHERE p.id = $1`,
      [pendant.id]
    )
    expect(pendant.partner ? { name: pendant.partner.name, handle: pendant.partner.handle } : undefined).toEqual(expected)
  })

  it("counts facets exactly as a plain SQL count over Medusa's tables", async () => {
    const plain = await plainCatalog()
    const all = await catalog(`region_id=${usRegion}&limit=100`)
    expect(all.count).toBe(plain.length)
    expect(facetCounts(all.facets)).toEqual(categoryCounts(plain))
    expect(all.facets.price.map((b) => b.count)).toEqual(bucketCounts(plain))
    expect(all.facets.in_stock).toEqual({ in_stock: plain.filter((r) => r.in_stock).length, out_of_stock: plain.filter((r) => !r.in_stock).length })

    // Each facet counts with the other filters applied, not its own.
    const gemstones = await categoryByHandle("gemstones")
    const filtered = await catalog(`region_id=${usRegion}&category=gemstones&in_stock=true&price_min=10000`)
    const inCategory = (r: Plain) => r.category_ids.includes(gemstones)
    const inPrice = (r: Plain) => r.price !== null && r.price >= 10000
    const matches = plain.filter((r) => inCategory(r) && r.in_stock && inPrice(r))
    expect(filtered.count).toBe(matches.length)
    expect(facetCounts(filtered.facets)).toEqual(categoryCounts(plain.filter((r) => r.in_stock && inPrice(r))))
    expect(filtered.facets.price.map((b) => b.count)).toEqual(bucketCounts(plain.filter((r) => inCategory(r) && r.in_stock)))
    const stockBase = plain.filter((r) => inCategory(r) && inPrice(r))
    expect(filtered.facets.in_stock).toEqual({ in_stock: stockBase.filter((r) => r.in_stock).length, out_of_stock: stockBase.filter((r) => !r.in_stock).length })
  })

  it("filters by category (a parent includes its children), collection, price, stock and archetype", async () => {
    const plain = await plainCatalog()
    const gemstones = await categoryByHandle("gemstones")
    const byCategory = await catalog(`region_id=${usRegion}&category=gemstones&limit=100`)
    expect(byCategory.count).toBeGreaterThan(0)
    expect(byCategory.count).toBe(plain.filter((r) => r.category_ids.includes(gemstones)).length)
    expect(byCategory.products.every((p) => p.category_ids.includes(gemstones))).toBe(true)
    const emeralds = await categoryByHandle("emeralds")
    expect(byCategory.products.some((p) => p.category_ids.includes(emeralds))).toBe(true)
    expect((await catalog(`region_id=${usRegion}&category=${gemstones}`)).count).toBe(byCategory.count)

    const twins = await catalog(`region_id=${usRegion}&collection=digital-twins&limit=100`)
    const [collection] = await query(databaseUrl(), `SELECT id FROM product_collection WHERE handle = 'digital-twins'`)
    const [{ n }] = await query(
      databaseUrl(),
      `SELECT count(*)::int AS n FROM product p JOIN product_sales_channel psc ON psc.product_id = p.id AND psc.sales_channel_id = $2
        WHERE p.collection_id = $1 AND p.status = 'published' AND p.deleted_at IS NULL`,
      [collection.id, comChannel()]
    )
    expect(n).toBeGreaterThan(0)
    expect(twins.count).toBe(n)
    expect(twins.products.every((p) => p.collection_id === collection.id && p.digital_twin)).toBe(true)

    const priced = await catalog(`region_id=${usRegion}&price_min=20000&price_max=70000&limit=100`)
    expect(priced.count).toBeGreaterThan(0)
    expect(priced.count).toBe(plain.filter((r) => r.price !== null && r.price >= 20000 && r.price <= 70000).length)
    expect(priced.products.every((p) => p.price.amount >= 20000 && p.price.amount <= 70000)).toBe(true)

    const stocked = await catalog(`region_id=${usRegion}&in_stock=true&limit=100`)
    expect(stocked.count).toBeGreaterThan(0)
    expect(stocked.count).toBe(plain.filter((r) => r.in_stock).length)
    expect(stocked.products.every((p) => p.in_stock)).toBe(true)

    const guardianCategories: string[] = (
      await query(databaseUrl(), `SELECT category_id FROM archetype_category_affinity WHERE archetype = 'guardian'`)
    ).map((r: any) => r.category_id)
    const guardian = await catalog(`region_id=${usRegion}&archetype=guardian&limit=100`)
    expect(guardian.count).toBe(plain.filter((r) => r.category_ids.some((c) => guardianCategories.includes(c))).length)
    expect(guardian.count).toBeGreaterThan(0)
  })

  it("filters by partner handle and counts each partner's pieces with the other filters applied", async () => {
    // Each visible product's partner, when an admin approved it and it is active (plain SQL).
    const rows: Array<{ id: string; handle: string | null; name: string | null; in_stock: boolean }> = await query(
      databaseUrl(),
      `SELECT v.id, pa.handle, pa.name, plain.in_stock
         FROM (${PLAIN_SQL}) plain JOIN product v ON v.id = plain.id
         LEFT JOIN partner pa ON pa.id = v.partner_id AND pa.status = 'approved' AND pa.is_active`,
      [comChannel()]
    )
    const partnered = rows.filter((r) => r.handle)
    expect(partnered.length).toBeGreaterThan(0)
    const countsOf = (list: typeof rows) => {
      const counts: Record<string, number> = {}
      for (const r of list) if (r.handle) counts[r.handle] = (counts[r.handle] ?? 0) + 1
      return counts
    }
    const handle = partnered[0].handle!

    const all = await catalog(`region_id=${usRegion}&limit=100`)
    expect(Object.fromEntries(all.facets.partners.map((p) => [p.handle, p.count]))).toEqual(countsOf(rows))
    expect(all.facets.partners.find((p) => p.handle === handle)!.name).toBe(partnered[0].name)

    const one = await catalog(`region_id=${usRegion}&limit=100&partner=${handle}&in_stock=true`)
    const expected = rows.filter((r) => r.handle === handle && r.in_stock).map((r) => r.id).sort()
    expect(one.products.map((p) => p.id).sort()).toEqual(expected)
    expect(one.products.every((p) => p.partner?.handle === handle)).toBe(true)
    // The partner facet ignores its own filter: a shopper sees what picking another partner gives.
    expect(Object.fromEntries(one.facets.partners.map((p) => [p.handle, p.count]))).toEqual(countsOf(rows.filter((r) => r.in_stock)))
  })

  it("refuses a partner that does not exist (or is not approved) with a 400 naming it", async () => {
    const res = await http("GET", `/store/catalog?region_id=${usRegion}&partner=no-such-coop`, { channel: "com" })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/partner: no partner with handle "no-such-coop"/)
  })

  it("sorts by price both ways, newest first, and by relevance", async () => {
    const asc = await catalog(`region_id=${usRegion}&sort=price_asc&limit=100`)
    const amounts = asc.products.map((p) => p.price?.amount ?? Infinity)
    expect(amounts).toEqual([...amounts].sort((a, b) => a - b))
    const desc = await catalog(`region_id=${usRegion}&sort=price_desc&limit=100`)
    const descAmounts = desc.products.filter((p) => p.price).map((p) => p.price.amount)
    expect(descAmounts).toEqual([...descAmounts].sort((a, b) => b - a))
    const newest = await catalog(`region_id=${usRegion}&sort=newest&limit=100`)
    const times = newest.products.map((p) => Date.parse(p.created_at))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const relevant = await catalog(`region_id=${usRegion}&q=tourmaline&sort=relevance`)
    expect(relevant.products[0].title).toMatch(/Tourmaline/)
  })

  it("pages through the same order", async () => {
    const first = await catalog(`region_id=${usRegion}&sort=price_asc&limit=10&page=1`)
    const second = await catalog(`region_id=${usRegion}&sort=price_asc&limit=5&page=2`)
    expect(second.products.map((p) => p.id)).toEqual(first.products.slice(5, 10).map((p) => p.id))
    expect(second).toMatchObject({ page: 2, limit: 5, count: first.count })
  })

  it("never shows the other storefront's products, and hides sold-out pieces when asked", async () => {
    const word = `Zircon${unique()}`
    const orgOnly = await createStockedProduct(3, { title: `${word} Vault Ring`, channel: "org" })
    const soldOut = await createStockedProduct(0, { title: `${word} Sold Ring` })
    await caughtUp()

    const com = await catalog(`q=${word}&region_id=${usRegion}`)
    expect(com.products.map((p) => p.id)).toEqual([soldOut.productId])
    expect(com.products[0].in_stock).toBe(false)
    expect((await catalog(`q=${word}&region_id=${usRegion}&in_stock=true`)).count).toBe(0)

    const org = await catalog(`q=${word}&region_id=${usRegion}`, "org")
    expect(org.products.map((p) => p.id)).toEqual([orgOnly.productId])
    const orgAll = await catalog(`region_id=${usRegion}&limit=100`, "org")
    const comIds = new Set((await catalog(`region_id=${usRegion}&limit=100`)).products.map((p) => p.id))
    expect(comIds.has(orgOnly.productId)).toBe(false)
    expect(orgAll.products.some((p) => p.id === soldOut.productId)).toBe(false)
  })

  it("counts a product once for a storefront key that spans both channels", async () => {
    const token = await adminToken()
    const admin = (path: string, body: unknown) =>
      http("POST", path, { body, headers: { authorization: `Bearer ${token}` } }).then((r) => {
        if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`)
        return r.json
      })
    const { publishable_api_key: key } = await admin("/admin/publishable-api-keys", { title: `both-${unique()}` })
    const { salesChannels } = testSeed()
    await admin(`/admin/publishable-api-keys/${key.id}/sales-channels/batch`, {
      sales_channel_ids: [{ id: salesChannels.com }, { id: salesChannels.org }],
    })
    const ask = async (params: string) => {
      const res = await http("GET", `/store/catalog?${params}`, { headers: { "x-publishable-api-key": key.id } })
      expect(res.status).toBe(200)
      return res.json
    }
    const [{ n }] = await query(
      databaseUrl(),
      `SELECT count(DISTINCT p.id)::int AS n FROM product p JOIN product_sales_channel psc ON psc.product_id = p.id
        WHERE p.status = 'published' AND p.deleted_at IS NULL AND psc.sales_channel_id = ANY($1::text[])`,
      [[salesChannels.com, salesChannels.org]]
    )
    const all = await ask(`region_id=${usRegion}&limit=100`)
    expect(all.count).toBe(n)
    const ids = all.products.map((p: any) => p.id)
    expect(new Set(ids).size).toBe(ids.length)
    // the pendant is on both storefronts and shows once
    const pendant = await ask(`region_id=${usRegion}&q=${encodeURIComponent("emerald pendant")}`)
    expect(pendant.products.filter((p: any) => p.handle === "amradjet-emerald-pendant")).toHaveLength(1)
  })

  it.each([
    ["limit=101", /limit must be a whole number from 1 to 100/],
    ["limit=0", /limit must be a whole number from 1 to 100/],
    ["limit=ten", /limit must be a whole number/],
    ["page=-1", /page must be a whole number from 1/],
    ["price_min=-5", /price_min must be a whole number from 0/],
    ["price_max=cheap", /price_max must be a whole number/],
    ["price_min=12.5", /price_min must be a whole number/],
    ["price_min=900&price_max=100", /price_min \(900\) must not be more than price_max \(100\)/],
    ["sort=cheapest", /sort must be one of relevance, price_asc, price_desc, newest/],
    ["in_stock=maybe", /in_stock must be true or false/],
    ["archetype=wizard", /archetype must be one of guardian, pioneer, strategist, visionary/],
    ["category=no-such-category", /category: no category with id or handle "no-such-category"/],
    ["collection=nope", /collection: no collection with id or handle "nope"/],
    ["region_id=reg_missing", /region_id: no region "reg_missing"/],
    ["limit=5&limit=6", /limit must be given once/],
    ["colour=red", /unknown parameter colour/],
    [`q=${"a".repeat(201)}`, /q must be at most 200 characters/],
  ])("answers %s with a 400 that says what is wrong", async (params, message) => {
    const res = await http("GET", `/store/catalog?${params}`, { channel: "com" })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
  })

  it.each([`"`, "!!! &&& |", "a' OR 1=1 --", "émeraude", "%_\\", "😀 ring"])("answers any text query %j without failing", async (q) => {
    const res = await http("GET", `/store/catalog?q=${encodeURIComponent(q)}&limit=5`, { channel: "com" })
    expect(res.status).toBe(200)
    expect(Array.isArray(res.json.products)).toBe(true)
  })

  it("sends a cached answer gzipped to clients that take gzip, and 304 to a repeated conditional request", async () => {
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        const url = `${testServerUrl()}/store/catalog?region_id=${usRegion}&limit=24`
        httpGet(url, { headers: { "x-publishable-api-key": testSeed().publishableKeys.com, ...headers } }, (res) => {
          const chunks: Buffer[] = []
          res.on("data", (c) => chunks.push(c))
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
        }).on("error", reject)
      })
    const plain = await get({ "accept-encoding": "identity" })
    const zipped = await get({ "accept-encoding": "gzip, deflate" })
    expect(plain.headers["content-encoding"]).toBeUndefined()
    expect(zipped.headers["content-encoding"]).toBe("gzip")
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true)
    expect(zipped.body.length).toBeLessThan(plain.body.length / 2)
    const answer = JSON.parse(plain.body.toString())
    expect(answer.products).toHaveLength(Math.min(24, answer.count))
    const again = await get({ "if-none-match": String(plain.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
  })

  it("needs a valid publishable key", async () => {
    expect((await http("GET", "/store/catalog")).status).toBe(400)
    const bad = await http("GET", "/store/catalog", { headers: { "x-publishable-api-key": "pk_forged" } })
    expect(bad.status).toBe(400)
    expect(bad.json.message).toMatch(/publishable key/)
  })
})

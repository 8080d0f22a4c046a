import { query } from "@pva/test-support/database"
import { adminToken, http, productByHandle, storeClient, testServerUrl } from "@pva/test-support/store"

const db = () => process.env.PVA_TEST_DATABASE_URL!

async function admin(method: string, path: string, body?: unknown) {
  return http(method, path, { body, headers: { authorization: `Bearer ${await adminToken()}` } })
}

const unique = () => Math.random().toString(36).slice(2, 8)

describe("partners", () => {
  it("are seeded: Lukuni Cooperative (DRC, approved) and two more own every seeded product", async () => {
    const { json } = await admin("GET", "/admin/partners")
    const seeded = json.partners.filter((p: any) => ["lukuni-cooperative", "machakos-artisans-collective", "atlas-makers-guild"].includes(p.handle))
    expect(seeded).toHaveLength(3)
    const lukuni = seeded.find((p: any) => p.handle === "lukuni-cooperative")
    expect(lukuni).toMatchObject({ name: "Lukuni Cooperative", country: "Democratic Republic of the Congo", status: "approved" })
    expect(lukuni.webhook_secrets).toBeUndefined()
    const [{ n }] = await query(db(), `SELECT count(*)::int AS n FROM product WHERE handle IN (SELECT unnest($1::text[])) AND partner_id IS NULL`, [
      require("../../../../../medusa-server/src/seed/catalog").SEED_PRODUCTS.map((p: any) => p.handle),
    ])
    expect(n).toBe(0)
  })

  it("show on product responses with name, country and handle", async () => {
    const product = await productByHandle(storeClient("com"), "amradjet-emerald-pendant")
    expect(product.partner).toEqual({
      name: "Lukuni Cooperative",
      country: "Democratic Republic of the Congo",
      country_code: "cd",
      handle: "lukuni-cooperative",
    })
    const one = await http("GET", `/store/products/${product.id}`, { channel: "com" })
    expect(one.json.product.partner.handle).toBe("lukuni-cooperative")
    const inAdmin = await admin("GET", `/admin/products/${product.id}`)
    expect(inAdmin.json.product.partner).toMatchObject({ handle: "lukuni-cooperative", name: "Lukuni Cooperative" })
    expect(inAdmin.json.product.reorder_point).toBe(10)
  })

  it("have a public profile only while approved", async () => {
    const res = await http("GET", "/store/partners/lukuni-cooperative", { channel: "com" })
    expect(res.status).toBe(200)
    expect(res.json.partner).toMatchObject({ name: "Lukuni Cooperative", handle: "lukuni-cooperative" })
    expect(res.json.partner.products.map((p: any) => p.handle)).toContain("amradjet-emerald-pendant")
    expect(res.json.partner.contact_email).toBeUndefined()
    expect(res.json.partner.payout_account_ref).toBeUndefined()
    expect(JSON.stringify(res.json)).not.toContain("whsec_")

    const handle = `pending-${unique()}`
    const created = await admin("POST", "/admin/partners", { name: "Pending Weavers", handle, country: "Ghana" })
    expect(created.status).toBe(201)
    expect(created.json.partner.status).toBe("pending")
    expect((await http("GET", `/store/partners/${handle}`, { channel: "com" })).status).toBe(404)
    await admin("POST", `/admin/partners/${created.json.partner.id}`, { status: "approved" })
    expect((await http("GET", `/store/partners/${handle}`, { channel: "com" })).status).toBe(200)
    await admin("POST", `/admin/partners/${created.json.partner.id}`, { status: "rejected" })
    expect((await http("GET", `/store/partners/${handle}`, { channel: "com" })).status).toBe(404)
    expect((await http("GET", "/store/partners/no-such-partner", { channel: "com" })).status).toBe(404)
  })

  it("can be created, updated, given products and deleted by an admin", async () => {
    const handle = `coop-${unique()}`
    const created = await admin("POST", "/admin/partners", {
      name: "Kivu Gem Growers",
      handle,
      country: "Democratic Republic of the Congo",
      country_code: "CD",
      contact_email: "hello@kivu.example",
      payout_account_ref: "acct_kivu",
      webhook_url: "https://93.184.215.14/hooks/pva",
    })
    expect(created.status).toBe(201)
    const partner = created.json.partner
    expect(partner.country_code).toBe("cd")
    expect(created.json.webhook_secret).toMatch(/^whsec_/)
    expect(partner.webhook_secrets).toEqual([{ hint: `whsec_…${created.json.webhook_secret.slice(-4)}`, created_at: expect.any(String), expires_at: null }])

    const { json: products } = await admin("GET", "/admin/products?limit=1&q=Malachite%20Fish")
    const malachite = products.products[0]
    const original = malachite.partner.id
    const updated = await admin("POST", `/admin/partners/${partner.id}`, { story: "Growers on Lake Kivu", product_ids: [malachite.id] })
    expect(updated.status).toBe(200)
    expect(updated.json.partner.story).toBe("Growers on Lake Kivu")
    expect(updated.json.partner.products.map((p: any) => p.id)).toEqual([malachite.id])
    expect((await admin("GET", `/admin/products/${malachite.id}`)).json.product.partner.handle).toBe(handle)

    const list = await admin("GET", `/admin/partners?q=${handle}`)
    expect(list.json.partners.map((p: any) => p.handle)).toEqual([handle])
    expect(list.json.partners[0].product_count).toBe(1)

    expect((await admin("POST", "/admin/partners", { name: "Dup", handle, country: "Kenya" })).status).toBe(422)

    const deleted = await admin("DELETE", `/admin/partners/${partner.id}`)
    expect(deleted.json).toEqual({ id: partner.id, object: "partner", deleted: true })
    expect((await admin("GET", `/admin/partners/${partner.id}`)).status).toBe(404)
    expect((await admin("GET", `/admin/products/${malachite.id}`)).json.product.partner).toBeNull()
    await admin("POST", `/admin/partners/${original}`, { product_ids: [malachite.id] })
  })

  it("rotate secrets, keeping the old one active for the overlap", async () => {
    const created = await admin("POST", "/admin/partners", { name: "Rotating Coop", handle: `rot-${unique()}`, country: "Kenya" })
    const id = created.json.partner.id
    const old = created.json.webhook_secret
    const rotated = await admin("POST", `/admin/partners/${id}/rotate-secret`)
    expect(rotated.status).toBe(200)
    expect(rotated.json.secret).toMatch(/^whsec_/)
    expect(rotated.json.secret).not.toBe(old)
    const detail = await admin("GET", `/admin/partners/${id}`)
    const secrets = detail.json.partner.webhook_secrets
    expect(secrets.map((s: any) => s.hint)).toEqual([`whsec_…${old.slice(-4)}`, `whsec_…${rotated.json.secret.slice(-4)}`])
    expect(Date.parse(secrets[0].expires_at)).toBeGreaterThan(Date.now() + 23 * 3600_000)
    expect(secrets[1].expires_at).toBeNull()
    expect(rotated.json.secrets).toEqual(secrets)
  })

  it("show a signing secret once, when issued: never again on any read, and never stored in plain", async () => {
    const created = await admin("POST", "/admin/partners", { name: "Secretive Coop", handle: `sec-${unique()}`, country: "Kenya" })
    const id = created.json.partner.id
    const first = created.json.webhook_secret as string
    const rotated = (await admin("POST", `/admin/partners/${id}/rotate-secret`)).json.secret as string
    const reads = [
      await admin("GET", `/admin/partners/${id}`),
      await admin("GET", `/admin/partners?limit=200`),
      await admin("POST", `/admin/partners/${id}`, { story: "Updated" }),
      await admin("GET", `/admin/partners/${id}/webhook-deliveries`),
    ]
    for (const read of reads) {
      expect(read.status).toBe(200)
      expect(read.text).not.toContain(first)
      expect(read.text).not.toContain(rotated)
      expect(read.text).not.toContain(first.slice(6, 30)) // not even the key material without its prefix
    }
    const [row] = await query(db(), `SELECT webhook_secrets::text AS stored FROM partner WHERE id = $1`, [id])
    expect(row.stored).not.toContain(first.slice(6, 30))
    expect(row.stored).not.toContain(rotated.slice(6, 30))
    expect(JSON.parse(row.stored).map((s: any) => s.sealed)).toEqual([expect.stringMatching(/^v1\./), expect.stringMatching(/^v1\./)])
  })

  it("refuse bad input with a clear 4xx", async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ country: "Kenya" }, /name is required/],
      [{ name: "X", country: "Kenya", status: "vip" }, /status must be one of/],
      [{ name: "X", country: "Kenya", handle: "Not A Handle" }, /handle must be/],
      [{ name: "X", country: "Kenya", contact_email: "nope" }, /contact_email/],
      [{ name: "X", country: "Kenya", secret: "x" }, /Unknown fields: secret/],
      [{ name: "X", country: "Kenya", product_ids: ["prod_missing"] }, /Unknown product ids/],
      [{ name: "X", country: "Kenya", is_active: "yes" }, /is_active must be true or false/],
    ]
    for (const [body, message] of cases) {
      const res = await admin("POST", "/admin/partners", body)
      expect(res.status).toBe(400)
      expect(res.json.message).toMatch(message)
    }
    expect((await admin("GET", "/admin/partners/partner_missing")).status).toBe(404)
    expect((await admin("GET", "/admin/partners?status=vip")).status).toBe(400)
    expect((await http("GET", "/admin/partners")).status).toBe(401)
  })

  it.each<[string, unknown, RegExp]>([
    ["missing country", { name: "X" }, /country is required/],
    ["blank name", { name: "   ", country: "Kenya" }, /name must be a non-empty string/],
    ["long name", { name: "x".repeat(201), country: "Kenya" }, /name must be at most 200 characters/],
    ["numeric country", { name: "X", country: 5 }, /country must be a non-empty string/],
    ["numeric handle", { name: "X", country: "Kenya", handle: 5 }, /handle must be/],
    ["three-letter country_code", { name: "X", country: "Kenya", country_code: "KEN" }, /country_code must be a two-letter ISO code/],
    ["long story", { name: "X", country: "Kenya", story: "x".repeat(5001) }, /story must be at most 5000 characters/],
    ["numeric payout_account_ref", { name: "X", country: "Kenya", payout_account_ref: 42 }, /payout_account_ref must be a non-empty string/],
    ["numeric webhook_url", { name: "X", country: "Kenya", webhook_url: 42 }, /webhook_url must be a non-empty string/],
    ["empty inventory_feed_url", { name: "X", country: "Kenya", inventory_feed_url: "" }, /inventory_feed_url must be a non-empty string/],
    ["string webhook_enabled", { name: "X", country: "Kenya", webhook_enabled: "no" }, /webhook_enabled must be true or false/],
    ["product_ids not a list", { name: "X", country: "Kenya", product_ids: "prod_1" }, /product_ids must be an array of product ids/],
    ["product_ids of numbers", { name: "X", country: "Kenya", product_ids: [1] }, /product_ids must be an array of product ids/],
    ["a list for a body", [{ name: "X", country: "Kenya" }], /Request body must be a JSON object/],
  ])("refuse a new partner with %s (400 naming the field)", async (_case, body, message) => {
    const res = await admin("POST", "/admin/partners", body)
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(message)
  })

  it("refuse to clear a partner's required fields, and clear the optional ones", async () => {
    const { json } = await admin("POST", "/admin/partners", { name: "Clearable", handle: `clearable-${unique()}`, country: "Kenya", country_code: "KE" })
    const id = json.partner.id
    expect(json.partner.country_code).toBe("ke")
    for (const [body, message] of [
      [{ name: null }, /name must be a non-empty string/],
      [{ country: "" }, /country must be a non-empty string/],
      [{ status: null }, /status must be one of/],
      [{ is_active: null }, /is_active must be true or false/],
      [{ webhook_secrets: [] }, /Unknown fields: webhook_secrets/],
    ] as Array<[unknown, RegExp]>) {
      const res = await admin("POST", `/admin/partners/${id}`, body)
      expect(res.status).toBe(400)
      expect(res.json.message).toMatch(message)
    }
    const cleared = await admin("POST", `/admin/partners/${id}`, { country_code: null, story: null, name: "  Cleared  " })
    expect(cleared.status).toBe(200)
    expect(cleared.json.partner).toMatchObject({ name: "Cleared", country_code: null, story: null })
    await admin("DELETE", `/admin/partners/${id}`)
  })

  it.each([
    "http://127.0.0.1:9999/hook",
    "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.8/hook",
    "http://2130706433/hook",
    "ftp://93.184.215.14/feed.csv",
  ])("refuse to save a webhook or feed URL pointing at %s", async (url) => {
    const res = await admin("POST", "/admin/partners", { name: "Sneaky", handle: `sneaky-${unique()}`, country: "Kenya", webhook_url: url })
    expect(res.status).toBe(400)
    expect(res.json.message).toMatch(/webhook_url/)
    const feed = await admin("POST", "/admin/partners", { name: "Sneaky", handle: `sneaky-${unique()}`, country: "Kenya", inventory_feed_url: url })
    expect(feed.status).toBe(400)
    expect(feed.json.message).toMatch(/inventory_feed_url/)
  })

  it("let an admin set a product's reorder point", async () => {
    const product = await productByHandle(storeClient("com"), "malachite-worry-stone")
    const res = await admin("POST", `/admin/products/${product.id}/reorder-point`, { reorder_point: 12 })
    expect(res.json.product).toEqual({ id: product.id, reorder_point: 12 })
    for (const body of [{ reorder_point: -1 }, { reorder_point: 1.5 }, { reorder_point: "12" }, { reorder_point: 1_000_001 }, {}]) {
      const refused = await admin("POST", `/admin/products/${product.id}/reorder-point`, body)
      expect(refused.status).toBe(400)
      expect(refused.json.message).toMatch(/reorder_point (must be a whole number from 0 to 1000000|is required)/)
    }
    expect((await admin("POST", `/admin/products/prod_missing/reorder-point`, { reorder_point: 3 })).status).toBe(404)
    await admin("POST", `/admin/products/${product.id}/reorder-point`, { reorder_point: 10 })
    void testServerUrl
  })
})

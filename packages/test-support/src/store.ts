import Medusa from "@medusajs/medusa-js"
import { query } from "./database"
import type { SeedResult } from "./server"

/** Letters and digits no other test produces, for emails, titles and handles. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

export const testServerUrl = () => process.env.PVA_TEST_SERVER_URL as string
export const testSeed = (): SeedResult => JSON.parse(process.env.PVA_TEST_SEED as string)

export function storeClient(channel: "com" | "org", opts: { token?: string; baseUrl?: string } = {}) {
  return new Medusa({
    baseUrl: opts.baseUrl ?? testServerUrl(),
    maxRetries: 0,
    publishableApiKey: testSeed().publishableKeys[channel],
    customHeaders: opts.token ? { Authorization: `Bearer ${opts.token}` } : {},
  } as any)
}

export async function customerToken(email: string, password: string, baseUrl = testServerUrl()): Promise<string> {
  const res = await fetch(`${baseUrl}/store/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  if (!res.ok) throw new Error(`customer login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { access_token: string }).access_token
}

/** Signs in as Medusa's own Next.js starter does: a cookie session from POST /store/auth; the Cookie header to send. */
export async function cookieSession(email: string, password: string, baseUrl = testServerUrl()): Promise<{ cookie: string }> {
  const res = await fetch(`${baseUrl}/store/auth`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  })
  const cookie = res.headers.get("set-cookie")?.split(";")[0]
  if (!res.ok || !cookie) throw new Error(`cookie sign-in failed: ${res.status} ${await res.text()}`)
  return { cookie }
}

export async function registerCustomer(email: string, password = "correct-horse-battery"): Promise<string> {
  const client = storeClient("com")
  await client.customers.create({ email, password, first_name: "Test", last_name: "Customer" })
  return customerToken(email, password)
}

export async function adminToken(baseUrl = testServerUrl()): Promise<string> {
  const res = await fetch(`${baseUrl}/admin/auth/token`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "admin@pvabazaar.local", password: "pva-admin-dev" }),
  })
  if (!res.ok) throw new Error(`admin login failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { access_token: string }).access_token
}

/** The sales dashboard's funnel count of product views on today's UTC day, as an admin reads it (GET /admin/sales-dashboard). */
export async function productViewsToday(): Promise<number> {
  const day = new Date().toISOString().slice(0, 10)
  const res = await http("GET", `/admin/sales-dashboard?from=${day}&to=${day}`, { headers: { authorization: `Bearer ${await adminToken()}` } })
  if (res.status !== 200) throw new Error(`sales dashboard answered ${res.status}: ${res.text.slice(0, 300)}`)
  return (res.json as { funnel: { product_viewed: number } }).funnel.product_viewed
}

/**
 * How many product views `visit` added to today's count: waits for the first to arrive, then
 * `settleMs` more for any late one, so a visit counted twice shows as 2.
 */
export async function viewsCountedBy(visit: () => Promise<void>, opts: { expectSome?: boolean; settleMs?: number } = {}): Promise<number> {
  const before = await productViewsToday()
  await visit()
  const deadline = Date.now() + (opts.expectSome === false ? 0 : 20_000)
  while ((await productViewsToday()) === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
  await new Promise((r) => setTimeout(r, opts.settleMs ?? 1500))
  return (await productViewsToday()) - before
}

/** Raw HTTP for the cases a typed client cannot express (malformed bodies, missing headers). */
export async function http(
  method: string,
  path: string,
  opts: { body?: unknown; rawBody?: string; headers?: Record<string, string>; channel?: "com" | "org" } = {}
) {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers }
  if (opts.channel) headers["x-publishable-api-key"] = testSeed().publishableKeys[opts.channel]
  const res = await fetch(`${testServerUrl()}${path}`, {
    method,
    headers,
    body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  })
  return readResponse(res)
}

/** A response's status, headers, text and, when the text is JSON, its value. */
export async function readResponse(res: Response) {
  const text = await res.text()
  let json: any
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: res.status, headers: res.headers, json, text }
}

/** The HTTP status a medusa-js call failed with, or 200 when it succeeded. */
export async function statusOf(call: Promise<unknown>): Promise<number> {
  try {
    await call
    return 200
  } catch (err: any) {
    if (!err.response) throw err
    return err.response.status
  }
}

export const US_ADDRESS = {
  first_name: "Ada",
  last_name: "Shopper",
  address_1: "1 Market Street",
  city: "San Francisco",
  province: "CA",
  postal_code: "94105",
  country_code: "us",
}

export const DE_ADDRESS = { ...US_ADDRESS, city: "Berlin", province: "", postal_code: "10115", country_code: "de" }

export async function regionByName(client: Medusa, name: string) {
  const { regions } = await client.regions.list()
  const region = regions.find((r: any) => r.name === name)
  if (!region) throw new Error(`no region ${name}`)
  return region
}

export async function productByHandle(client: Medusa, handle: string, regionId?: string) {
  const { products } = await client.products.list({ handle, region_id: regionId } as any)
  if (!products[0]) throw new Error(`no product ${handle}`)
  return products[0] as any
}

/** Builds a cart that is one `complete` away from an order: `variantId` × quantity, plus one of each `moreVariantIds`. */
export async function readyCart(
  client: Medusa,
  opts: { variantId: string; quantity?: number; moreVariantIds?: string[]; email?: string; region?: string; provider?: "manual" | "stripe" }
): Promise<string> {
  const region = await regionByName(client, opts.region ?? "United States")
  const { cart } = await client.carts.create({ region_id: region.id })
  await client.carts.lineItems.create(cart.id, { variant_id: opts.variantId, quantity: opts.quantity ?? 1 })
  for (const variant_id of opts.moreVariantIds ?? []) await client.carts.lineItems.create(cart.id, { variant_id, quantity: 1 })
  const address = region.currency_code === "eur" ? DE_ADDRESS : US_ADDRESS
  await client.carts.update(cart.id, {
    email: opts.email ?? `guest-${cart.id.slice(-8).toLowerCase()}@example.com`,
    shipping_address: address,
    billing_address: address,
  })
  const { shipping_options } = await client.shippingOptions.listCartOptions(cart.id)
  await client.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id as string })
  await client.carts.createPaymentSessions(cart.id)
  await client.carts.setPaymentSession(cart.id, { provider_id: opts.provider ?? "manual" })
  return cart.id
}

export type StockedProductOptions = {
  channel?: "com" | "org"
  title?: string
  sku?: string
  /** Per currency, in cents; default $100.00 and €90.00. */
  prices?: Array<{ currency_code: string; amount: number }>
  categoryIds?: string[]
  /** The partner the product is assigned to (a partner's products get its webhooks and feed). */
  partnerId?: string
  /** Stock at or below which the partner is alerted. */
  reorderPoint?: number
  /** The product's metadata (e.g. `max_quantity_per_line`). */
  metadata?: Record<string, unknown>
  /** A suite's own server instead of the shared one (PVA_TEST_SERVER_URL / PVA_TEST_SEED). */
  baseUrl?: string
  seed?: SeedResult
}

/** A published product with one variant holding its own stock, so a test's purchases cannot disturb another's. */
export async function createStockedProduct(stock: number, opts: StockedProductOptions = {}) {
  const baseUrl = opts.baseUrl ?? testServerUrl()
  const token = await adminToken(baseUrl)
  const admin = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`POST ${path} failed: ${res.status} ${await res.text()}`)
    return res.json() as Promise<any>
  }
  const { product } = await admin("/admin/products", {
    title: opts.title ?? `Test Piece ${unique()}`,
    status: "published",
    sales_channels: [{ id: (opts.seed ?? testSeed()).salesChannels[opts.channel ?? "com"] }],
    ...(opts.categoryIds ? { categories: opts.categoryIds.map((id) => ({ id })) } : {}),
    ...(opts.metadata ? { metadata: opts.metadata } : {}),
    options: [{ title: "Edition" }],
    variants: [
      {
        title: "Standard",
        ...(opts.sku ? { sku: opts.sku } : {}),
        inventory_quantity: stock,
        manage_inventory: true,
        allow_backorder: false,
        prices: opts.prices ?? [
          { currency_code: "usd", amount: 10000 },
          { currency_code: "eur", amount: 9000 },
        ],
        options: [{ value: "Standard" }],
      },
    ],
  })
  if (opts.partnerId) await admin(`/admin/partners/${opts.partnerId}`, { product_ids: [product.id] })
  if (opts.reorderPoint !== undefined) await admin(`/admin/products/${product.id}/reorder-point`, { reorder_point: opts.reorderPoint })
  return {
    productId: product.id as string,
    variantId: product.variants[0].id as string,
    handle: product.handle as string,
    sku: product.variants[0].sku as string | null,
  }
}

/**
 * Moves an order's placement `minutes` back: past the server's guest confirmation window
 * (GUEST_ORDER_CONFIRMATION_MINUTES, 30 by default), only its email or owner opens it.
 */
export async function placedMinutesAgo(orderId: string, minutes: number, databaseUrl = process.env.PVA_TEST_DATABASE_URL!) {
  await query(databaseUrl, `UPDATE "order" SET created_at = now() - make_interval(mins => $2) WHERE id = $1`, [orderId, minutes])
}

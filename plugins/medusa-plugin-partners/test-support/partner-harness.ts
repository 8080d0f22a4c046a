import { createTestDatabase, query, TestDatabase } from "@pva/test-support/database"
import { migrateAndSeed, SeedResult, startServer, TestServer } from "@pva/test-support/server"
import { adminToken, createStockedProduct, readResponse, readyCart, storeClient } from "@pva/test-support/store"

/**
 * Its own seeded database and server (the shared one has no loopback allow-list),
 * with the store helpers pointed at it for the duration of a suite.
 */
export const FAST_WEBHOOKS = {
  WEBHOOK_ALLOWED_HOSTS: "localhost",
  WEBHOOK_RETRY_SCHEDULE_SECONDS: "0,1,1",
  WEBHOOK_POLL_INTERVAL_MS: "100",
  WEBHOOK_TIMEOUT_MS: "3000",
  RATE_LIMIT_CHECKOUT_PER_IP: "1000",
  RATE_LIMIT_LOGIN: "1000",
}

export class PartnerHarness {
  db!: TestDatabase
  server!: TestServer
  seed!: SeedResult
  private saved: Record<string, string | undefined> = {}
  private token?: string

  async start(label: string, env: Record<string, string> = {}) {
    this.db = await createTestDatabase(label)
    this.seed = migrateAndSeed(this.db.url)
    // Orders stay unpaid (and send no `order.paid`) until a test captures them, as an admin would.
    this.server = await startServer(this.db.url, { ...FAST_WEBHOOKS, MANUAL_PAYMENT_AUTO_CAPTURE: "false", ...env })
    for (const key of ["PVA_TEST_SERVER_URL", "PVA_TEST_SEED", "PVA_TEST_DATABASE_URL"]) this.saved[key] = process.env[key]
    this.point()
  }

  /** Points the shared store helpers at this suite's server. */
  point() {
    process.env.PVA_TEST_SERVER_URL = this.server.url
    process.env.PVA_TEST_SEED = JSON.stringify(this.seed)
    process.env.PVA_TEST_DATABASE_URL = this.db.url
    this.token = undefined
  }

  async stop() {
    for (const [key, value] of Object.entries(this.saved)) {
      if (value === undefined) delete process.env[key]
      else process.env[key] = value
    }
    await this.server?.stop()
    await this.db?.drop()
  }

  sql<T = any>(text: string, params: unknown[] = []) {
    return query<T>(this.db.url, text, params)
  }

  async admin(method: string, path: string, body?: unknown) {
    this.token ??= await adminToken(this.server.url)
    const res = await fetch(`${this.server.url}${path}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Bearer ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return readResponse(res)
  }

  async partner(fields: Record<string, unknown>) {
    const handle = `p-${Math.random().toString(36).slice(2, 9)}`
    const res = await this.admin("POST", "/admin/partners", { name: `Coop ${handle}`, handle, country: "Kenya", status: "approved", ...fields })
    if (res.status !== 201) throw new Error(`partner create failed: ${res.status} ${res.text}`)
    const p = res.json.partner
    return { id: p.id as string, handle, secret: res.json.webhook_secret as string }
  }

  /** A product with its own stock and SKU, owned by `partnerId`. */
  async product(partnerId: string, opts: { stock?: number; reorderPoint?: number } = {}) {
    const sku = `T-${Math.random().toString(36).slice(2, 10).toUpperCase()}`
    const { productId, variantId } = await createStockedProduct(opts.stock ?? 50, {
      title: `Piece ${sku}`,
      sku,
      partnerId,
      reorderPoint: opts.reorderPoint,
      baseUrl: this.server.url,
      seed: this.seed,
    })
    return { productId, variantId, sku }
  }

  /** Places an order for the given lines and returns the order. */
  async order(lines: Array<{ variantId: string; quantity?: number }>) {
    const client = storeClient("com")
    const cartId = await readyCart(client, { variantId: lines[0].variantId, quantity: lines[0].quantity ?? 1 })
    for (const line of lines.slice(1)) await client.carts.lineItems.create(cartId, { variant_id: line.variantId, quantity: line.quantity ?? 1 })
    if (lines.length > 1) {
      // Medusa drops the cart's shipping method when its items change: the shopper picks it again.
      const { shipping_options } = await client.shippingOptions.listCartOptions(cartId)
      await client.carts.addShippingMethod(cartId, { option_id: shipping_options[0].id as string })
    }
    const res = await fetch(`${this.server.url}/store/carts/${cartId}/complete`, { method: "POST" })
    const body = await res.json()
    if (res.status !== 200 || body.type !== "order") throw new Error(`checkout failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`)
    return body.data as { id: string; pva_number: string; items: any[] }
  }

  async deliveries(partnerId: string) {
    const res = await this.admin("GET", `/admin/partners/${partnerId}/webhook-deliveries`)
    if (res.status !== 200) throw new Error(`deliveries failed: ${res.text}`)
    return res.json.deliveries as any[]
  }
}

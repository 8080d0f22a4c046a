// Buying a twin-eligible piece through the real store API, as a signed-in customer.
import { adminToken, createStockedProduct, readyCart, registerCustomer, storeClient } from "@pva/test-support/store"
import type { TwinStack } from "./twin-stack"
import { TWIN_CLAIM_CODE_EMAIL } from "@pva/medusa-kit/events"

export const EMERALD_TRAITS = { Gemstone: "Emerald", Cut: "Round", Carat: 2.5, Clarity: "VS1", Origin: "DRC" }

export async function newCustomer(label: string) {
  const email = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
  const token = await registerCustomer(email)
  return { email, token }
}

/** A fresh eligible product, bought `quantity` times by the customer; resolves once its twins exist. */
export async function buyTwinPiece(stack: TwinStack, buyer: { email: string; token: string }, quantity = 1, timeoutMs = 30_000) {
  const placed = await placeTwinOrder(stack, buyer, quantity)
  return { ...placed, tokenIds: await waitForTwinsOf(stack, placed.order.id, buyer.email, quantity, timeoutMs) }
}

/** Checkout of `quantity` of a fresh eligible product (of `partnerId` when given); answers as soon as the order exists. */
export async function placeTwinOrder(stack: TwinStack, buyer: { email: string; token: string }, quantity = 1, opts: { partnerId?: string } = {}) {
  const { productId, variantId } = await createStockedProduct(Math.max(50, quantity), {
    channel: "com",
    title: `Emerald Piece ${Math.random().toString(36).slice(2, 7)}`,
    partnerId: opts.partnerId,
  })
  const admin = await adminToken()
  const marked = await stack.api("POST", `/admin/twins/products/${productId}`, { token: admin, body: { eligible: true, traits: EMERALD_TRAITS } })
  if (marked.status !== 200) throw new Error(`marking eligible failed: ${marked.status} ${marked.text}`)
  const client = storeClient("com", { token: buyer.token })
  const cartId = await readyCart(client, { variantId, quantity, email: buyer.email })
  const completed: any = await client.carts.complete(cartId)
  if (completed.type !== "order") throw new Error(`checkout did not place an order: ${completed.type}`)
  return { order: completed.data, productId, variantId }
}

/** Resolves with the token ids once the order's `quantity` twins exist and their claim codes are emailed. */
export async function waitForTwinsOf(stack: TwinStack, orderId: string, email: string, quantity: number, timeoutMs = 30_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const rows = await stack.sql(`SELECT token_id::text AS token_id FROM digital_twin WHERE order_id = $1 ORDER BY token_id`, [orderId])
    const emails = await stack.sql(
      `SELECT count(*)::int AS n FROM email_outbox e JOIN digital_twin t ON t.id = e.resource_id WHERE e."to" = $1 AND e.event_name = $3 AND t.order_id = $2`,
      [email, orderId, TWIN_CLAIM_CODE_EMAIL]
    )
    if (rows.length === quantity && emails[0].n >= quantity) return rows.map((r) => r.token_id as string)
    if (Date.now() > deadline) throw new Error(`twins for order ${orderId} not created in time (${rows.length}/${quantity})`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

/** Polls the public twin until `check` holds. */
export async function waitForTwin(stack: TwinStack, tokenId: string, check: (twin: any) => boolean, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const res = await stack.api("GET", `/store/twins/${tokenId}`)
    if (res.status === 200 && check(res.json.twin)) return res.json.twin
    if (Date.now() > deadline) throw new Error(`${what}: twin ${tokenId} is ${JSON.stringify(res.json)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

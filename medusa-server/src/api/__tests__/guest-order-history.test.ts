import { createStockedProduct, customerToken, http, readyCart, registerCustomer, storeClient } from "../../../test-support/store"

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`

async function guestOrder(variantId: string, email: string) {
  const guest = storeClient("com")
  const cartId = await readyCart(guest, { variantId, email })
  return ((await guest.carts.complete(cartId)) as any).data
}

async function history(token: string): Promise<string[]> {
  const res = await http("GET", "/store/customers/me/orders", { headers: { authorization: `Bearer ${token}` } })
  expect(res.status).toBe(200)
  return res.json.orders.map((o: any) => o.pva_number)
}

async function eventually(probe: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await probe()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
}

describe("guest orders in the shopper's history", () => {
  let variantId: string
  beforeAll(async () => {
    variantId = (await createStockedProduct(50)).variantId
  })

  it("a shopper who registers after a guest checkout finds that order in their history", async () => {
    const email = unique("later")
    const order = await guestOrder(variantId, email)
    const token = await registerCustomer(email)
    await eventually(async () => (await history(token)).includes(order.pva_number))
    expect(await history(token)).toContain(order.pva_number)
  })

  it("a guest checkout with an account's email joins that account once its owner logs in, and no one else's", async () => {
    const email = unique("owner")
    await registerCustomer(email, "owner-password-1")
    const order = await guestOrder(variantId, email.toUpperCase())

    // Until the owner logs in, the guest's confirmation page still proves the order by email.
    const confirmation = await http("GET", `/store/orders/${order.id}?email=${encodeURIComponent(email)}`)
    expect(confirmation.status).toBe(200)

    const other = await registerCustomer(unique("other"))
    expect(await history(other)).not.toContain(order.pva_number)
    const owner = await customerToken(email, "owner-password-1")
    expect(await history(owner)).toContain(order.pva_number)
    const detail = await http("GET", `/store/orders/${order.id}`, { headers: { authorization: `Bearer ${owner}` } })
    expect(detail.json.order.pva_number).toBe(order.pva_number)
  })
})

import { linkIn, nthEmailTo } from "@pva/test-support/email"
import { createStockedProduct, customerToken, http, placedMinutesAgo, readyCart, registerCustomer, storeClient } from "@pva/test-support/store"

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

/** What the owner of the mailbox does: open the link the registration email carries. */
async function verifyFromInbox(email: string) {
  const { token } = linkIn(await nthEmailTo(email.toLowerCase(), "customer.email_verification"))
  const res = await http("POST", "/store/email-verification/confirm", { body: { token } })
  expect([res.status, res.json]).toEqual([200, { verified: true }])
}

describe("guest orders in the shopper's history", () => {
  let variantId: string
  beforeAll(async () => {
    variantId = (await createStockedProduct(50)).variantId
  })

  it("registering with a guest's email shows none of their orders or addresses until the email is verified", async () => {
    const email = unique("victim")
    const order = await guestOrder(variantId, email)
    await placedMinutesAgo(order.id, 60) // past the buyer's own confirmation window

    // Someone who does not read this mailbox registers with it.
    const intruder = await registerCustomer(email)
    const headers = { authorization: `Bearer ${intruder}` }
    await nthEmailTo(email, "customer.email_verification") // the registration has been fully handled
    expect(await history(intruder)).toEqual([])
    expect((await http("GET", `/store/orders/${order.id}`, { headers })).status).toBe(404)
    const me = await http("GET", "/store/customers/me", { headers })
    expect(me.json.customer.shipping_addresses).toEqual([])
    expect(me.json.customer.billing_address_id).toBeNull()
    expect(me.json.customer.orders ?? []).toEqual([])
  })

  it("a shopper who registers after a guest checkout finds that order in their history once they verify the email", async () => {
    const email = unique("later")
    const order = await guestOrder(variantId, email)
    const token = await registerCustomer(email)
    expect(await history(token)).toEqual([])

    await verifyFromInbox(email)
    expect(await history(token)).toEqual([order.pva_number])
    const detail = await http("GET", `/store/orders/${order.id}`, { headers: { authorization: `Bearer ${token}` } })
    expect(detail.json.order.shipping_address.address_1).toBe("1 Market Street")
    // Now an account holder's order: the email alone no longer opens it.
    expect((await http("GET", `/store/orders/${order.id}?email=${encodeURIComponent(email)}`)).status).toBe(404)
  })

  it("a guest checkout with a verified account's email joins that account once its owner logs in, and no one else's", async () => {
    const email = unique("owner")
    await registerCustomer(email, "owner-password-1")
    await verifyFromInbox(email)
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

  it("a guest checkout with an unverified account's email stays out of that account", async () => {
    const email = unique("unverified")
    const token = await registerCustomer(email)
    const order = await guestOrder(variantId, email)
    expect(await history(token)).toEqual([])
    expect((await http("GET", `/store/orders/${order.id}?email=${encodeURIComponent(email)}`)).status).toBe(200)
  })
})

import { emailsTo, linkIn, nthEmailTo } from "@pva/test-support/email"
import {
  adminToken,
  createStockedProduct,
  customerToken,
  http,
  readyCart,
  registerCustomer,
  storeClient,
} from "@pva/test-support/store"

const unique = (label: string) => `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
const RESET = "customer.password_reset"

const requestReset = (email: unknown) => http("POST", "/store/customers/password-token", { body: { email } })
const reset = (body: unknown) => http("POST", "/store/customers/password-reset", { body })

describe("password reset", () => {
  it("emails a link to the shop's reset page; the token sets a new password once", async () => {
    const email = unique("forgetful")
    await registerCustomer(email, "old-password-1")
    const requested = await requestReset(email.toUpperCase())
    expect([requested.status, requested.text]).toEqual([204, ""])

    const mail = await nthEmailTo(email, RESET)
    const { url, token } = linkIn(mail)
    expect(`${url.origin}${url.pathname}`).toBe("http://localhost:8000/account/reset-password")
    expect(url.search).not.toContain(encodeURIComponent(email))

    expect((await reset({ email, token, password: "new-password-2" })).status).toBe(200)
    await expect(customerToken(email, "old-password-1")).rejects.toThrow(/401/)
    expect(await customerToken(email, "new-password-2")).toEqual(expect.any(String))

    // The token was signed with the old password hash: spent now.
    const replay = await reset({ email, token, password: "attacker-password-3" })
    expect(replay.status).toBe(401)
    expect(await customerToken(email, "new-password-2")).toEqual(expect.any(String))
  })

  it("answers an unknown email exactly like a known one and sends nothing", async () => {
    const known = unique("known")
    await registerCustomer(known)
    const unknown = unique("nobody")
    const [a, b] = await Promise.all([requestReset(known), requestReset(unknown)])
    expect([a.status, a.text, [...a.headers.keys()].sort()]).toEqual([b.status, b.text, [...b.headers.keys()].sort()])
    await nthEmailTo(known, RESET)
    expect(await emailsTo(unknown, RESET)).toEqual([])
  })

  it("no route tells whether an email has an account", async () => {
    const known = unique("exists")
    await registerCustomer(known)
    const [a, b] = await Promise.all([known, unique("absent")].map((e) => http("GET", `/store/auth/${encodeURIComponent(e)}`)))
    expect([a.status, a.json]).toEqual([b.status, b.json])
    expect(a.status).toBe(404)
    // The session routes beside it still work.
    expect((await http("GET", "/store/auth")).status).toBe(401)
  })

  it("refuses another customer's token and a malformed request", async () => {
    const victim = unique("victim")
    await registerCustomer(victim, "victim-password-1")
    const intruder = unique("intruder")
    await registerCustomer(intruder)
    await requestReset(intruder)
    const { token } = linkIn(await nthEmailTo(intruder, RESET))
    expect((await reset({ email: victim, token, password: "taken-over-1" })).status).toBe(401)
    expect(await customerToken(victim, "victim-password-1")).toEqual(expect.any(String))

    expect((await requestReset("not-an-email")).status).toBe(400)
    expect((await requestReset(undefined)).status).toBe(400)
    expect((await reset({ email: victim, token: "garbage", password: "x-password-1" })).status).toBe(401)
    expect((await reset({ email: unique("nobody"), token, password: "x-password-1" })).status).toBe(401)
    expect((await reset({ email: victim, password: "x-password-1" })).status).toBe(400)
    expect((await reset({ email: victim, token, password: 42 })).status).toBe(400)
  })

  it("proves the address: a reset through the emailed link verifies the account and joins its guest orders", async () => {
    const email = unique("squatted")
    const guest = storeClient("com")
    const order = ((await guest.carts.complete(await readyCart(guest, { variantId: (await createStockedProduct(2)).variantId, email }))) as any).data
    // Someone else registered the address first; its owner takes the account back through the reset link.
    await registerCustomer(email, "squatter-password-1")
    await requestReset(email)
    const { token } = linkIn(await nthEmailTo(email, RESET))
    expect((await reset({ email, token, password: "owner-password-1" })).status).toBe(200)
    const session = await customerToken(email, "owner-password-1")
    const headers = { authorization: `Bearer ${session}` }
    expect((await http("GET", "/store/customers/me/email-verification", { headers })).json).toEqual({ verified: true })
    const history = await http("GET", "/store/customers/me/orders", { headers })
    expect(history.json.orders.map((o: any) => o.id)).toEqual([order.id])
  })
})

describe("order status emails to the customer", () => {
  let variantId: string
  let admin: string
  beforeAll(async () => {
    variantId = (await createStockedProduct(20)).variantId
    admin = await adminToken()
  })

  const asAdmin = (method: string, path: string, body?: unknown) => http(method, path, { body, headers: { authorization: `Bearer ${admin}` } })

  async function placeOrder(email: string) {
    const guest = storeClient("com")
    return ((await guest.carts.complete(await readyCart(guest, { variantId, quantity: 2, email }))) as any).data
  }

  it("tells the customer when their order ships, with the items and tracking number", async () => {
    const email = unique("shipped")
    const order = await placeOrder(email)
    const fulfilled = await asAdmin("POST", `/admin/orders/${order.id}/fulfillment`, { items: [{ item_id: order.items[0].id, quantity: 2 }] })
    expect(fulfilled.status).toBe(200)
    const shipped = await asAdmin("POST", `/admin/orders/${order.id}/shipment`, {
      fulfillment_id: fulfilled.json.order.fulfillments[0].id,
      tracking_numbers: ["TRACK-<b>42</b>"],
    })
    expect(shipped.status).toBe(200)

    const mail = await nthEmailTo(email, "order.shipment_created")
    expect(mail.subject).toBe(`Your PVA Bazaar order ${order.pva_number} has shipped`)
    expect(mail.text).toContain(`${order.items[0].title} x 2`)
    expect(mail.text).toContain("TRACK-<b>42</b>")
    expect(mail.html).toContain("TRACK-&lt;b&gt;42&lt;/b&gt;")
  })

  it("tells the customer when their order is canceled, and only them", async () => {
    const email = unique("canceled")
    const order = await placeOrder(email)
    expect((await asAdmin("POST", `/admin/orders/${order.id}/cancel`)).status).toBe(200)
    const mail = await nthEmailTo(email, "order.canceled")
    expect(mail.subject).toBe(`Your PVA Bazaar order ${order.pva_number} was canceled`)
    expect(mail.resource_id).toBe(order.id)
  })

  it("sends nothing when the admin asks for no notification", async () => {
    const email = unique("quiet")
    const order = await placeOrder(email)
    const fulfilled = await asAdmin("POST", `/admin/orders/${order.id}/fulfillment`, {
      items: [{ item_id: order.items[0].id, quantity: 2 }],
      no_notification: true,
    })
    await asAdmin("POST", `/admin/orders/${order.id}/shipment`, { fulfillment_id: fulfilled.json.order.fulfillments[0].id, no_notification: true })
    await new Promise((r) => setTimeout(r, 1500))
    expect(await emailsTo(email, "order.shipment_created")).toEqual([])
  })
})

import { adminToken, createStockedProduct, http, placedMinutesAgo, readyCart, registerCustomer, storeClient } from "@pva/test-support/store"

function unique(label: string) {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
}

describe("who can read an order", () => {
  let variantId: string

  beforeAll(async () => {
    variantId = (await createStockedProduct(50)).variantId
  })

  describe("an order placed by a logged-in customer", () => {
    let order: any
    let cartId: string
    let ownerToken: string

    beforeAll(async () => {
      const email = unique("owner")
      ownerToken = await registerCustomer(email)
      const owner = storeClient("com", { token: ownerToken })
      cartId = await readyCart(owner, { variantId, email })
      order = ((await owner.carts.complete(cartId)) as any).data
    })

    it("is shown to its owner by id and by cart, with its PVA number", async () => {
      const byId = await http("GET", `/store/orders/${order.id}`, { headers: { authorization: `Bearer ${ownerToken}` } })
      const byCart = await http("GET", `/store/orders/cart/${cartId}`, { headers: { authorization: `Bearer ${ownerToken}` } })
      expect(byId.status).toBe(200)
      expect(byId.json.order.id).toBe(order.id)
      expect(byId.json.order.pva_number).toBe(order.pva_number)
      expect(byCart.status).toBe(200)
      expect(byCart.json.order.id).toBe(order.id)
    })

    it("is listed in its owner's order history with its PVA number", async () => {
      const res = await http("GET", "/store/customers/me/orders", { headers: { authorization: `Bearer ${ownerToken}` } })
      expect(res.status).toBe(200)
      expect(res.json.orders.map((o: any) => [o.id, o.pva_number])).toEqual([[order.id, order.pva_number]])
    })

    it("shows its PVA number to the admin", async () => {
      const token = await adminToken()
      const res = await http("GET", `/admin/orders/${order.id}`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      expect(res.json.order.pva_number).toBe(order.pva_number)
      const list = await http("GET", `/admin/orders?q=${encodeURIComponent(order.email)}`, { headers: { authorization: `Bearer ${token}` } })
      expect(list.json.orders.find((o: any) => o.id === order.id).pva_number).toBe(order.pva_number)
    })

    it("is hidden from another customer", async () => {
      const otherToken = await registerCustomer(unique("other"))
      const headers = { authorization: `Bearer ${otherToken}` }
      expect((await http("GET", `/store/orders/${order.id}`, { headers })).status).toBe(404)
      expect((await http("GET", `/store/orders/cart/${cartId}`, { headers })).status).toBe(404)
    })

    it("is hidden from an anonymous client, even one who knows the owner's email", async () => {
      const anonymous = await http("GET", `/store/orders/${order.id}`)
      expect(anonymous.status).toBe(401)
      expect(anonymous.json.message).toMatch(/log in/i)
      const withEmail = await http("GET", `/store/orders/${order.id}?email=${encodeURIComponent(order.email)}`)
      expect(withEmail.status).toBe(404)
    })
  })

  describe("a guest checkout", () => {
    let order: any
    let cartId: string

    beforeAll(async () => {
      const guest = storeClient("com")
      cartId = await readyCart(guest, { variantId, email: unique("guest") })
      order = ((await guest.carts.complete(cartId)) as any).data
    })

    it("is shown to whoever proves the order's email", async () => {
      const res = await http("GET", `/store/orders/cart/${cartId}?email=${encodeURIComponent(order.email.toUpperCase())}`)
      expect(res.status).toBe(200)
      expect(res.json.order.pva_number).toBe(order.pva_number)
    })

    it("is hidden behind the wrong email once its confirmation window has passed", async () => {
      const late = storeClient("com")
      const lateCart = await readyCart(late, { variantId, email: unique("late-guest") })
      const lateOrder = ((await late.carts.complete(lateCart)) as any).data
      await placedMinutesAgo(lateOrder.id, 31)
      expect((await http("GET", `/store/orders/${lateOrder.id}?email=someone-else%40example.com`)).status).toBe(404)
      const byId = await http("GET", `/store/orders/${lateOrder.id}`)
      expect([byId.status, byId.json.message]).toEqual([401, expect.stringMatching(/log in/i)])
      expect((await http("GET", `/store/orders/cart/${lateCart}`)).status).toBe(401)
      expect(JSON.stringify(byId.json)).not.toContain("Market Street")
      // Its buyer still finds it with the email.
      expect((await http("GET", `/store/orders/${lateOrder.id}?email=${encodeURIComponent(lateOrder.email)}`)).status).toBe(200)
    })
  })

  describe("the buyer's confirmation page, as Medusa's own starter reads it", () => {
    it("shows a guest order by its id alone right after carts.complete (medusa-js orders.retrieve)", async () => {
      const starter = storeClient("com")
      const cart = await readyCart(starter, { variantId, email: unique("starter-guest") })
      const completed = (await starter.carts.complete(cart)) as any
      expect(completed.type).toBe("order")
      const { order } = await starter.orders.retrieve(completed.data.id)
      expect(order.id).toBe(completed.data.id)
      expect(order.shipping_address.address_1).toBe("1 Market Street")
      expect((await starter.orders.retrieveByCartId(cart)).order.id).toBe(order.id)
    })

    it("keeps an account holder's order private even right after it was placed", async () => {
      const email = unique("starter-owner")
      const token = await registerCustomer(email)
      const owner = storeClient("com", { token })
      const cart = await readyCart(owner, { variantId, email })
      const placed = ((await owner.carts.complete(cart)) as any).data
      const anonymous = storeClient("com")
      await expect(anonymous.orders.retrieve(placed.id)).rejects.toMatchObject({ response: { status: 401 } })
      await expect(anonymous.orders.retrieveByCartId(cart)).rejects.toMatchObject({ response: { status: 401 } })
      const other = storeClient("com", { token: await registerCustomer(unique("starter-other")) })
      await expect(other.orders.retrieve(placed.id)).rejects.toMatchObject({ response: { status: 404 } })
      expect((await owner.orders.retrieve(placed.id)).order.id).toBe(placed.id)
    })
  })

  it("answers an unknown order id with 404, not 500", async () => {
    const res = await http("GET", `/store/orders/order_does_not_exist?email=a%40b.co`)
    expect(res.status).toBe(404)
  })

  describe("looking an order up by its number and email", () => {
    let guestOrder: any
    let accountOrder: any
    let ownerToken: string

    beforeAll(async () => {
      const guest = storeClient("com")
      guestOrder = ((await guest.carts.complete(await readyCart(guest, { variantId, email: unique("lookup-guest") }))) as any).data
      const email = unique("lookup-owner")
      ownerToken = await registerCustomer(email)
      const owner = storeClient("com", { token: ownerToken })
      accountOrder = ((await owner.carts.complete(await readyCart(owner, { variantId, email }))) as any).data
    })

    const lookup = (body: unknown, headers: Record<string, string> = {}) => http("POST", "/store/orders/lookup", { body, headers })
    const medusaLookup = (displayId: unknown, email?: string, headers: Record<string, string> = {}) =>
      http("GET", `/store/orders?display_id=${encodeURIComponent(String(displayId))}${email ? `&email=${encodeURIComponent(email)}` : ""}`, { headers })

    it("finds a guest order by PVA number or display id with the order's email", async () => {
      for (const order_number of [guestOrder.pva_number, guestOrder.pva_number.toLowerCase(), String(guestOrder.display_id), `#${guestOrder.display_id}`]) {
        const res = await lookup({ order_number, email: ` ${guestOrder.email.toUpperCase()} ` })
        expect([order_number, res.status]).toEqual([order_number, 200])
        expect(res.json.order.id).toBe(guestOrder.id)
        expect(res.json.order.shipping_address.address_1).toBe("1 Market Street")
      }
      const medusa = await medusaLookup(guestOrder.display_id, guestOrder.email)
      expect(medusa.status).toBe(200)
      expect(medusa.json.order.pva_number).toBe(guestOrder.pva_number)
    })

    it("answers a wrong email and an unknown number with the same 404", async () => {
      const wrongEmail = await lookup({ order_number: guestOrder.pva_number, email: "someone-else@example.com" })
      const unknown = await lookup({ order_number: "PVA-20200101-999999", email: guestOrder.email })
      expect(wrongEmail.status).toBe(404)
      expect(unknown.status).toBe(404)
      expect(wrongEmail.json).toEqual(unknown.json)
      expect((await medusaLookup(guestOrder.display_id, "someone-else@example.com")).status).toBe(404)
    })

    it("never shows an account holder's order to whoever knows its email, only to its signed-in owner", async () => {
      const byEmail = await lookup({ order_number: accountOrder.pva_number, email: accountOrder.email })
      expect(byEmail.status).toBe(404)
      const medusa = await medusaLookup(accountOrder.display_id, accountOrder.email)
      expect(medusa.status).toBe(404)
      expect(JSON.stringify(medusa.json)).not.toContain("Market Street")

      const other = await registerCustomer(unique("lookup-other"))
      expect((await medusaLookup(accountOrder.display_id, accountOrder.email, { authorization: `Bearer ${other}` })).status).toBe(404)
      const owner = await medusaLookup(accountOrder.display_id, accountOrder.email, { authorization: `Bearer ${ownerToken}` })
      expect(owner.status).toBe(200)
      expect(owner.json.order.id).toBe(accountOrder.id)
    })

    it("answers missing or malformed numbers and emails with 400 and a message", async () => {
      const cases: unknown[] = [
        {},
        { email: guestOrder.email },
        { order_number: guestOrder.pva_number },
        { order_number: "DROP TABLE", email: guestOrder.email },
        { order_number: guestOrder.pva_number, email: "not-an-email" },
        { order_number: ["1"], email: guestOrder.email },
        { order_number: guestOrder.pva_number, email: { $ne: "" } },
      ]
      for (const body of cases) {
        const res = await lookup(body)
        expect([body, res.status]).toEqual([body, 400])
        expect(res.json.message).toEqual(expect.any(String))
      }
      expect((await http("GET", "/store/orders")).status).toBe(400)
      expect((await medusaLookup("abc", guestOrder.email)).status).toBe(400)
      expect((await medusaLookup(guestOrder.display_id)).status).toBe(400)
    })
  })
})

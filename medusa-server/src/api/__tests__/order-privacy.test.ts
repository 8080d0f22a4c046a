import { adminToken, createStockedProduct, http, readyCart, registerCustomer, storeClient } from "../../../test-support/store"

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

    it("is hidden behind the wrong email or none", async () => {
      expect((await http("GET", `/store/orders/${order.id}?email=someone-else%40example.com`)).status).toBe(404)
      expect((await http("GET", `/store/orders/cart/${cartId}`)).status).toBe(401)
    })
  })

  it("answers an unknown order id with 404, not 500", async () => {
    const res = await http("GET", `/store/orders/order_does_not_exist?email=a%40b.co`)
    expect(res.status).toBe(404)
  })
})

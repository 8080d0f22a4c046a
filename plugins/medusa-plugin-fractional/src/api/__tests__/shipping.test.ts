// Shares are not shipped: a share-only cart is offered no shipping method, pays no shipping and
// completes without one; a cart that also holds a physical piece still needs one for it.
import { createStockedProduct, regionByName, storeClient, US_ADDRESS } from "@pva/test-support/store"
import { addLine, admin, approvedBuyer, completeCart, openOffering, shareCart, store } from "../../../test-support/fractional"

let buyer: Awaited<ReturnType<typeof approvedBuyer>>
let offering: any

beforeAll(async () => {
  buyer = await approvedBuyer("shipless")
  offering = await openOffering({ total_shares: 50, prices: { usd: 625, eur: 579 } })
})

it("a share-only cart is offered no shipping method and completes without one, paying only for the shares", async () => {
  const { cartId, added } = await shareCart(buyer, offering.variant_id, 4)
  expect(added.status).toBe(200)
  const options = await store("GET", `/store/shipping-options/${cartId}`, { token: buyer.token })
  expect(options.json.shipping_options).toEqual([])
  const completed = await completeCart(buyer.token, cartId)
  expect(completed.status).toBe(200)
  expect(completed.json.type).toBe("order")
  const { order } = (await admin("GET", `/admin/orders/${completed.json.data.id}`)).json
  expect(order.shipping_methods).toEqual([])
  expect(order.shipping_total).toBe(0)
  expect(order.total).toBe(4 * 625)
})

it("a cart with shares and a physical piece needs a shipping method for the piece", async () => {
  const piece = await createStockedProduct(3, { channel: "org", title: `Shipped Piece ${Date.now().toString(36)}` })
  const client = storeClient("org", { token: buyer.token })
  const region = await regionByName(client, "United States")
  const { cart } = await client.carts.create({ region_id: region.id })
  expect((await addLine(buyer.token, cart.id, offering.variant_id, 2)).status).toBe(200)
  expect((await addLine(buyer.token, cart.id, piece.variantId, 1)).status).toBe(200)
  await client.carts.update(cart.id, { email: buyer.email, shipping_address: US_ADDRESS, billing_address: US_ADDRESS })
  await client.carts.createPaymentSessions(cart.id)
  await client.carts.setPaymentSession(cart.id, { provider_id: "manual" })

  const refused = await completeCart(buyer.token, cart.id)
  expect(refused.status).toBe(400)
  expect(refused.json.message).toMatch(/^Choose a shipping method for Shipped Piece \S+ before completing the order$/)

  const { shipping_options } = await client.shippingOptions.listCartOptions(cart.id)
  expect(shipping_options.length).toBeGreaterThan(0)
  await client.carts.addShippingMethod(cart.id, { option_id: shipping_options[0].id as string })
  await client.carts.createPaymentSessions(cart.id)
  await client.carts.setPaymentSession(cart.id, { provider_id: "manual" })
  const completed = await completeCart(buyer.token, cart.id)
  expect(completed.status).toBe(200)
  expect(completed.json.type).toBe("order")
  const { order } = (await admin("GET", `/admin/orders/${completed.json.data.id}`)).json
  expect(order.shipping_methods).toHaveLength(1)
  expect(order.items.map((i: any) => i.variant_id).sort()).toEqual([offering.variant_id, piece.variantId].sort())
})

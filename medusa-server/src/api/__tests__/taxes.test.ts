import { nthEmailTo } from "@pva/test-support/email"
import { adminToken, createStockedProduct, DE_ADDRESS, readyCart, storeClient, testServerUrl, US_ADDRESS } from "@pva/test-support/store"

const lineTax = (cart: any) => cart.items[0].tax_lines.map((l: any) => ({ rate: l.rate, name: l.name, code: l.code }))

async function adminOrder(id: string) {
  const res = await fetch(`${testServerUrl()}/admin/orders/${id}`, { headers: { authorization: `Bearer ${await adminToken()}` } })
  return (await res.json()).order
}

// A piece priced like the seed's emerald pendant, stocked for this suite alone: the pendant's
// five units belong to the suites that buy it (checkout), which share this server.
const pendantLike = async () =>
  (await createStockedProduct(10, { prices: [{ currency_code: "usd", amount: 62500 }, { currency_code: "eur", amount: 57900 }] })).variantId

describe("taxes by destination", () => {
  const client = storeClient("com")

  it("an EU order's prices include the destination's VAT: the shopper pays the shown price, with VAT stated", async () => {
    const cartId = await readyCart(client, { variantId: await pendantLike(), region: "Europe" })
    const { cart } = await client.carts.retrieve(cartId)

    expect(lineTax(cart)).toEqual([{ rate: 19, name: "VAT (DE)", code: "VAT-DE" }])
    expect(cart.items[0].includes_tax).toBe(true)
    // €579.00 + €9.00 shipping, both VAT included: the total is what the shop showed.
    expect(cart.total).toBe(57900 + 900)
    // Medusa rounds the net price first; whichever way a cent falls, the order keeps it (below).
    expect(Math.abs((cart.tax_total ?? NaN) - (57900 + 900) * (19 / 119))).toBeLessThanOrEqual(1)
    expect(cart.shipping_methods[0].tax_lines.map((l: any) => l.rate)).toEqual([19])

    const completion: any = await client.carts.complete(cartId)
    expect(completion.type).toBe("order")
    const order = await adminOrder(completion.data.id)
    expect(order.total).toBe(cart.total)
    expect(order.tax_total).toBe(cart.tax_total)
    expect(order.items[0].tax_lines.map((l: any) => l.code)).toEqual(["VAT-DE"])

    const email = await nthEmailTo(cart.email, "order.placed")
    expect(email.text).toContain(`Including VAT (DE) 19%: €${(order.tax_total / 100).toFixed(2)}`)
    expect(email.text).toContain("Total: €588.00")
  })

  it("the same EU price holds another country's VAT for a French address", async () => {
    const cartId = await readyCart(client, { variantId: await pendantLike(), region: "Europe" })
    await client.carts.update(cartId, { shipping_address: { ...DE_ADDRESS, city: "Paris", postal_code: "75001", country_code: "fr" } })
    const { cart } = await client.carts.retrieve(cartId)
    expect(lineTax(cart)).toEqual([{ rate: 20, name: "VAT (FR)", code: "VAT-FR" }])
    expect(cart.total).toBe(57900 + 900)
    expect(Math.abs((cart.tax_total ?? NaN) - (57900 + 900) * (20 / 120))).toBeLessThanOrEqual(1)
  })

  it("a US order adds the destination state's sales tax at checkout, not on shipping, to the cent in the order", async () => {
    const cartId = await readyCart(client, { variantId: await pendantLike(), quantity: 3 })
    const { cart } = await client.carts.retrieve(cartId)

    expect(lineTax(cart)).toEqual([{ rate: 7.25, name: "Sales tax (CA)", code: "US-CA" }])
    expect(cart.subtotal).toBe(3 * 62500)
    expect(cart.shipping_methods[0].tax_lines.map((l: any) => [l.rate, l.code])).toEqual([[0, "US-CA-SHIPPING"]])
    expect(cart.tax_total).toBe(Math.round(3 * 62500 * 0.0725))
    expect(cart.total).toBe(3 * 62500 + 800 + Math.round(3 * 62500 * 0.0725))

    const completion: any = await client.carts.complete(cartId)
    const order = await adminOrder(completion.data.id)
    expect([order.subtotal, order.tax_total, order.shipping_total, order.total]).toEqual([cart.subtotal, cart.tax_total, cart.shipping_total, cart.total])
    const email = await nthEmailTo(cart.email, "order.placed")
    expect(email.text).toContain(`Sales tax (CA) 7.25%: $${((cart.tax_total ?? NaN) / 100).toFixed(2)}`)
  })

  it("a US state without sales tax adds none; the rate follows the address when it changes", async () => {
    const cartId = await readyCart(client, { variantId: await pendantLike() })
    await client.carts.update(cartId, { shipping_address: { ...US_ADDRESS, city: "Portland", province: "OR", postal_code: "97201" } })
    let { cart } = await client.carts.retrieve(cartId)
    expect(lineTax(cart)).toEqual([{ rate: 0, name: "Sales tax (OR)", code: "US-OR" }])
    expect(cart.total).toBe(62500 + 800)
    await client.carts.update(cartId, { shipping_address: { ...US_ADDRESS, province: "us-ny" } })
    ;({ cart } = await client.carts.retrieve(cartId))
    expect(lineTax(cart)).toEqual([{ rate: 4, name: "Sales tax (NY)", code: "US-NY" }])
  })
})

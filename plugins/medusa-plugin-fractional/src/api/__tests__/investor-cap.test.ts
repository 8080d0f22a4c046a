// The per-investor cap holds whatever route puts shares in a cart, however they are spread
// over lines or carts, and whatever wallet they went to.
import { testSeed } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"
import { addLine, admin, approvedBuyer, completeCart, dbQuery, DEPLOYER, linkWallet, openOffering, shareCart, store, testChain } from "../../../test-support/fractional"

const CAP = 3

async function orgRegionId() {
  const regions = (await store("GET", "/store/regions", { key: testSeed().publishableKeys.org })).json.regions
  return regions.find((r: any) => r.name === "United States").id as string
}

function createCart(token: string, items: Array<{ variant_id: string; quantity: number }>) {
  return orgRegionId().then((region_id) => store("POST", "/store/carts", { token, key: testSeed().publishableKeys.org, body: { region_id, items } }))
}

async function reservedOf(offeringId: string) {
  return (await admin("GET", `/admin/offerings/${offeringId}`)).json.offering
}

describe(`an offering capped at ${CAP} shares per investor`, () => {
  it("a cart created with shares on several lines is judged over all of them", async () => {
    const buyer = await approvedBuyer("items")
    const offering = await openOffering({ total_shares: 50, investor_cap: CAP })
    const spread = await createCart(buyer.token, [
      { variant_id: offering.variant_id, quantity: 2 },
      { variant_id: offering.variant_id, quantity: 2 },
    ])
    expect(spread.status).toBe(400)
    expect(spread.json.message).toMatch(/allows at most 3 shares per investor: you have bought or hold 0, have 0 pending and this cart would add 4/)
    const anonymous = await store("POST", "/store/carts", { key: testSeed().publishableKeys.org, body: { region_id: await orgRegionId(), items: [{ variant_id: offering.variant_id, quantity: 1 }] } })
    expect(anonymous.status).toBe(401)
    const fine = await createCart(buyer.token, [{ variant_id: offering.variant_id, quantity: CAP }])
    expect(fine.status).toBe(200)
    expect(fine.json.cart.items).toEqual([expect.objectContaining({ variant_id: offering.variant_id, quantity: CAP })])
  })

  it("raising a share line past the cap is refused, lowering it is not", async () => {
    const buyer = await approvedBuyer("raise")
    const offering = await openOffering({ total_shares: 50, investor_cap: CAP })
    const { cartId } = await shareCart(buyer, offering.variant_id, 2)
    const [line] = await dbQuery(`SELECT id FROM line_item WHERE cart_id = $1`, [cartId])
    const update = (quantity: number) =>
      store("POST", `/store/carts/${cartId}/line-items/${line.id}`, { token: buyer.token, key: testSeed().publishableKeys.org, body: { quantity } })
    const over = await update(4)
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/this cart would add 4/)
    expect((await update(1)).status).toBe(200)
    // a second line of the same shares is judged with the first
    const more = await addLine(buyer.token, cartId, offering.variant_id, 3)
    expect(more.status).toBe(400)
    expect(more.json.message).toMatch(/this cart would add 4/)
  })

  it("checkout judges all of a cart's share lines together, however they got into the cart", async () => {
    const buyer = await approvedBuyer("lines")
    const offering = await openOffering({ total_shares: 50, investor_cap: CAP })
    const { cartId } = await shareCart(buyer, offering.variant_id, 2)
    // a second share line, written past the routes: Medusa reserves both lines at once
    await dbQuery(
      `INSERT INTO line_item (id, cart_id, title, thumbnail, is_return, is_giftcard, should_merge, allow_discounts, has_shipping, unit_price, variant_id, quantity)
       SELECT id || '_copy', cart_id, title, thumbnail, is_return, is_giftcard, false, allow_discounts, has_shipping, unit_price, variant_id, 2
         FROM line_item WHERE cart_id = $1`,
      [cartId]
    )
    const done = await completeCart(buyer.token, cartId)
    expect(done.status).toBe(400)
    expect(JSON.stringify(done.json)).toMatch(/allows at most 3 shares per investor: .* this cart would add 4/)
    expect(await reservedOf(offering.id)).toMatchObject({ sold: 0, reserved: 0, remaining: 50 })
    expect(await dbQuery(`SELECT id FROM fractional_share_reservation WHERE cart_id = $1 AND status <> 'released'`, [cartId])).toEqual([])
  })

  it("two carts of one customer completed at the same time cannot together pass the cap", async () => {
    const buyer = await approvedBuyer("twocarts")
    const offering = await openOffering({ total_shares: 50, investor_cap: CAP })
    // each cart is within the cap when built
    const carts = [await shareCart(buyer, offering.variant_id, 2), await shareCart(buyer, offering.variant_id, 2)]
    for (const cart of carts) expect(cart.added.status).toBe(200)
    const results = await Promise.all(carts.map(({ cartId }) => completeCart(buyer.token, cartId)))
    const orders = results.filter((r) => r.status === 200 && r.json.type === "order")
    const refused = results.filter((r) => !(r.status === 200 && r.json.type === "order"))
    expect(orders).toHaveLength(1)
    expect(refused).toHaveLength(1)
    expect(refused[0].status).toBe(400)
    expect(JSON.stringify(refused[0].json)).toMatch(/allows at most 3 shares per investor: .*have 2 pending and this cart would add 2/)
    const [{ total }] = await dbQuery(
      `SELECT COALESCE(sum(quantity), 0)::int AS total FROM fractional_share_reservation WHERE offering_id = $1 AND status <> 'released'`,
      [offering.id]
    )
    expect(total).toBe(2)
  })

  it("unlinking the wallet that holds the shares frees nothing under the cap", async () => {
    const buyer = await approvedBuyer("unlinker")
    const offering = await openOffering({ total_shares: 50, investor_cap: CAP })
    const { cartId } = await shareCart(buyer, offering.variant_id, CAP)
    expect((await completeCart(buyer.token, cartId)).status).toBe(200)
    await waitFor(async () => (await reservedOf(offering.id)).sold === CAP, 30_000, "chain sync to confirm the mint")

    const chain = testChain()
    const second = await linkWallet(buyer.token)
    await waitFor(() => chain.isEligible(second.address), 10_000, "the second wallet to become eligible")
    expect((await store("DELETE", `/store/customers/me/wallets/${buyer.wallet}`, { token: buyer.token })).status).toBeLessThan(300)
    await waitFor(async () => !(await chain.isEligible(buyer.wallet)), 10_000, "the unlinked wallet to become ineligible")

    const mine = (await store("GET", `/store/offerings/${offering.id}`, { token: buyer.token })).json.offering
    expect(mine.your_cap).toBe(0)
    const again = await addLine(buyer.token, await createCart(buyer.token, []).then((r) => r.json.cart.id), offering.variant_id, 1)
    expect(again.status).toBe(400)
    expect(again.json.message).toMatch(/allows at most 3 shares per investor: you have bought or hold 3, have 0 pending and this cart would add 1/)
  })

  it("shares received outside the store count too, also once their wallet is unlinked", async () => {
    const buyer = await approvedBuyer("gifted")
    const offering = await openOffering({ total_shares: 50, investor_cap: CAP })
    const chain = testChain()
    await chain.setRole("MINTER_ROLE", DEPLOYER, true)
    try {
      await chain.write(DEPLOYER, "mintShares", [buyer.wallet, BigInt(offering.chain_offering_id), 2n])
    } finally {
      await chain.setRole("MINTER_ROLE", DEPLOYER, false)
    }
    await waitFor(async () => (await dbQuery(`SELECT balance FROM fractional_share_holding WHERE wallet = $1`, [buyer.wallet.toLowerCase()]))[0]?.balance === "2", 30_000, "chain sync to mirror the mint")

    const second = await linkWallet(buyer.token)
    await waitFor(() => chain.isEligible(second.address), 10_000, "the second wallet to become eligible")
    expect((await store("DELETE", `/store/customers/me/wallets/${buyer.wallet}`, { token: buyer.token })).status).toBeLessThan(300)
    const mine = (await store("GET", `/store/offerings/${offering.id}`, { token: buyer.token })).json.offering
    expect(mine.your_cap).toBe(1)
    const cartId = (await createCart(buyer.token, [])).json.cart.id
    const over = await addLine(buyer.token, cartId, offering.variant_id, 2)
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/you have bought or hold 2, have 0 pending and this cart would add 2/)
  })
})

it("a share line may hold more than the shop's default of 10 a line: the offering's size is its limit, the cap the rule", async () => {
  const buyer = await approvedBuyer("bigline")
  const offering = await openOffering({ total_shares: 50, investor_cap: 12 })
  const [product] = await dbQuery(`SELECT metadata FROM product WHERE id = $1`, [offering.product_id])
  expect(product.metadata.max_quantity_per_line).toBe(50)
  expect((await shareCart(buyer, offering.variant_id, 12)).added.status).toBe(200)
  const over = await shareCart(buyer, offering.variant_id, 13)
  expect(over.added.status).toBe(400)
  expect(over.added.json.message).toMatch(/allows at most 12 shares per investor/)
})

import {
  addLine,
  admin,
  approvedBuyer,
  completeCart,
  dbQuery,
  DEPLOYER,
  openOffering,
  orgCart,
  SERVER_SIGNER,
  shareCart,
  store,
  testChain,
} from "../../../test-support/fractional"
import { waitFor } from "@pva/test-support/wait"

let buyer: Awaited<ReturnType<typeof approvedBuyer>>
let offering: any

beforeAll(async () => {
  buyer = await approvedBuyer("collector")
  offering = await openOffering({ total_shares: 100, investor_cap: 20 })
})

describe("buying shares", () => {
  it("approval made the linked wallet eligible on chain", async () => {
    expect(buyer.eligibility).toEqual([expect.objectContaining({ wallet: buyer.wallet, eligible: true })])
    expect(await testChain().isEligible(buyer.wallet)).toBe(true)
  })

  it.each([
    [0, 400, /quantity must be a whole number/],
    [-3, 400, /quantity must be a whole number/],
    [1.5, 400, /quantity must be a whole number|whole number/],
    [21, 400, /at most 20 shares per investor: you have bought or hold 0, have 0 pending and this cart would add 21/],
  ])("a share line of quantity %p is a %p with a message", async (quantity, status, message) => {
    const cartId = await orgCart(buyer.token)
    const res = await addLine(buyer.token, cartId, offering.variant_id, quantity)
    expect(res.status).toBe(status)
    expect(res.json.message).toMatch(message)
  })

  it("refuses a wallet that compliance has switched off on chain", async () => {
    const frozen = await approvedBuyer("frozen")
    const chain = testChain()
    await chain.setRole("COMPLIANCE_ROLE", DEPLOYER, true)
    await chain.write(DEPLOYER, "setEligible", [frozen.wallet, false])
    const ineligible = await addLine(frozen.token, await orgCart(frozen.token), offering.variant_id, 1)
    expect(ineligible.status).toBe(400)
    expect(ineligible.json.message).toMatch(/None of your linked wallets is eligible/)
  })

  it("13 shares: order placed, reserved, minted to the wallet, confirmed by chain sync; cap table, chain and portfolio agree", async () => {
    const { cartId, added } = await shareCart(buyer, offering.variant_id, 13)
    expect(added.status).toBe(200)
    const done = await completeCart(buyer.token, cartId)
    expect(done.status).toBe(200)
    expect(done.json.type).toBe("order")

    const chain = testChain()
    await waitFor(async () => (await chain.balanceOf(buyer.wallet, offering.chain_offering_id)) === 13, 20_000, "the mint")
    const confirmed = await waitFor(async () => {
      const o = (await admin("GET", `/admin/offerings/${offering.id}`)).json.offering
      return o.sold === 13 && o
    }, 20_000, "chain sync to confirm the mint")
    expect(confirmed).toMatchObject({ sold: 13, reserved: 0, remaining: 87 })
    const [reservation] = await dbQuery(`SELECT status, mint_tx_hash, order_id FROM fractional_share_reservation WHERE line_item_id IN (SELECT id FROM line_item WHERE cart_id = $1)`, [cartId])
    expect(reservation).toMatchObject({ status: "confirmed", order_id: done.json.data.id })

    const capTable = (await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table
    expect(capTable).toMatchObject({ total_supply_on_chain: 13, sold_in_store: 13, differences: [] })
    expect(capTable.holders).toEqual([expect.objectContaining({ wallet: buyer.wallet, customer_id: buyer.customerId, customer_email: buyer.email, shares: 13, percent: 13 })])

    const portfolio = (await store("GET", "/store/customers/me/portfolio", { token: buyer.token })).json.portfolio
    const position = portfolio.positions.find((p: any) => p.offering_id === offering.id)
    expect(position).toMatchObject({ confirmed_shares: 13, pending_shares: 0, value: { usd: 13 * 625, eur: 13 * 579 } })

    const mine = (await store("GET", `/store/offerings/${offering.id}`, { token: buyer.token })).json.offering
    expect(mine).toMatchObject({ total_shares: 100, sold: 13, remaining: 87, investor_cap: 20, your_cap: 7, prices: { usd: 625, eur: 579 } })

    // the cap counts what is held: 7 more is fine, 8 is not
    const over = await addLine(buyer.token, await orgCart(buyer.token), offering.variant_id, 8)
    expect(over.status).toBe(400)
    expect(over.json.message).toMatch(/you have bought or hold 13, have 0 pending and this cart would add 8/)
    expect((await addLine(buyer.token, await orgCart(buyer.token), offering.variant_id, 7)).status).toBe(200)
  })

  it("a mint that fails releases the shares and cancels the order, refunding its captured payment", async () => {
    const chain = testChain()
    const spare = await openOffering({ total_shares: 10 })
    const { cartId } = await shareCart(buyer, spare.variant_id, 4)
    await chain.setRole("MINTER_ROLE", SERVER_SIGNER, false)
    let orderId: string
    try {
      const done = await completeCart(buyer.token, cartId)
      expect(done.status).toBe(200)
      orderId = done.json.data.id
      await waitFor(async () => {
        const [r] = await dbQuery(`SELECT status FROM fractional_share_reservation WHERE order_id = $1`, [orderId])
        return r?.status === "released"
      }, 20_000, "the failed mint to release the reservation")
    } finally {
      await chain.setRole("MINTER_ROLE", SERVER_SIGNER, true)
    }
    const [reservation] = await dbQuery(`SELECT status, error FROM fractional_share_reservation WHERE order_id = $1`, [orderId!])
    expect(reservation.error).toMatch(/mint failed: .*AccessControlUnauthorizedAccount/)
    const order = (await admin("GET", `/admin/orders/${orderId!}`)).json.order
    expect(order.status).toBe("canceled")
    // The order was paid before anything was minted: canceling it gave the money back.
    expect(order.payment_status).toBe("refunded")
    expect(order.refunds).toEqual([expect.objectContaining({ amount: order.paid_total, reason: "other" })])
    expect((await admin("GET", `/admin/offerings/${spare.id}`)).json.offering).toMatchObject({ sold: 0, reserved: 0, remaining: 10 })
    expect(await chain.totalSupply(spare.chain_offering_id)).toBe(0)
  })

  it("a cart built while the offering was open is refused at checkout with 409 once it has closed, and nothing is reserved", async () => {
    const closing = await openOffering({ total_shares: 10 })
    const { cartId, added } = await shareCart(buyer, closing.variant_id, 2)
    expect(added.status).toBe(200)
    expect((await admin("POST", `/admin/offerings/${closing.id}/close`)).status).toBe(200)

    const done = await completeCart(buyer.token, cartId)
    expect(done.status).toBe(409)
    expect(done.json.errors).toEqual([
      expect.objectContaining({ code: "insufficient_inventory", message: `${closing.title} is closed: no shares are for sale` }),
    ])
    expect(await dbQuery(`SELECT id FROM fractional_share_reservation WHERE cart_id = $1`, [cartId])).toEqual([])
    expect(await dbQuery(`SELECT id FROM "order" WHERE cart_id = $1`, [cartId])).toEqual([])
    expect((await admin("GET", `/admin/offerings/${closing.id}`)).json.offering).toMatchObject({ status: "closed", sold: 0, reserved: 0 })
  })
})

// 50 approved collectors race through real carts on pvabazaar.org for the last 10 shares.
import { admin, approvedBuyer, completeCart, dbQuery, openOffering, shareCart, testChain } from "../../../test-support/fractional"
import { waitFor } from "@pva/test-support/wait"

const BUYERS = 50

it("exactly 10 are sold, never share 101 of 100, and the chain's totalSupply equals the store's confirmed holdings", async () => {
  const offering = await openOffering({ total_shares: 100 })
  // 90 go to one collector first
  const whale = await approvedBuyer("whale")
  const first = await shareCart(whale, offering.variant_id, 90)
  expect((await completeCart(whale.token, first.cartId)).status).toBe(200)

  const buyers = []
  for (let i = 0; i < BUYERS; i++) buyers.push(await approvedBuyer(`racer${i}`))
  // every cart is valid when built: 10 are left and each wants 1
  const carts = []
  for (const buyer of buyers) {
    const { cartId, added } = await shareCart(buyer, offering.variant_id, 1)
    expect(added.status).toBe(200)
    carts.push({ buyer, cartId })
  }

  const results = await Promise.all(carts.map(({ buyer, cartId }) => completeCart(buyer.token, cartId)))
  const orders = results.filter((r) => r.status === 200 && r.json.type === "order")
  const refused = results.filter((r) => r.status !== 200 || r.json.type !== "order")
  expect(orders).toHaveLength(10)
  expect(refused).toHaveLength(40)
  for (const r of refused) {
    expect(r.status).toBe(409)
    expect(JSON.stringify(r.json)).toMatch(/Only 0 shares of .* are left|sold out/)
  }

  const chain = testChain()
  const sold = await waitFor(async () => {
    const o = (await admin("GET", `/admin/offerings/${offering.id}`)).json.offering
    return o.sold === 100 && o
  }, 60_000, "every mint confirmed by chain sync")
  expect(sold).toMatchObject({ status: "sold_out", sold: 100, reserved: 0, remaining: 0 })
  expect(await chain.totalSupply(offering.chain_offering_id)).toBe(100)

  const [{ held }] = await dbQuery(`SELECT COALESCE(sum(balance), 0)::int AS held FROM fractional_share_holding WHERE chain_offering_id = $1`, [offering.chain_offering_id])
  expect(held).toBe(100)
  const winners = await dbQuery(
    `SELECT wallet, quantity FROM fractional_share_reservation WHERE offering_id = $1 AND status = 'confirmed' AND wallet <> $2`,
    [offering.id, whale.wallet]
  )
  expect(winners).toHaveLength(10)
  for (const w of winners) expect(await chain.balanceOf(w.wallet, offering.chain_offering_id)).toBe(1)
  const capTable = (await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table
  expect(capTable.differences).toEqual([])
  expect(capTable.holders).toHaveLength(11)

  // the 101st share does not exist anywhere
  const late = await approvedBuyer("late")
  const { added } = await shareCart(late, offering.variant_id, 1)
  expect(added.status).toBe(400)
  expect(added.json.message).toMatch(/sold out: its shares are not for sale/)
}, 600_000)

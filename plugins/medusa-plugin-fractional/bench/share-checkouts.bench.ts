// `npm run bench -w @pva/medusa-plugin-fractional`: N share checkouts racing on one offering
// against N ordinary product checkouts in the same run, on the same stack (hardhat node,
// Postgres, PVA server following the chain). Prints throughput of both and their ratio, then
// checks every invariant once the mints have settled.
import { admin, approvedBuyer, completeCart, dbQuery, openOffering, shareCart, testChain } from "../test-support/fractional"
import { waitFor } from "@pva/test-support/wait"
import { createStockedProduct, readyCart, storeClient } from "@pva/test-support/store"

const CHECKOUTS = Number(process.env.BENCH_CHECKOUTS || 500)
const BUYERS = Number(process.env.BENCH_BUYERS || 20)
// At 25 this bench once stalled with every pooled connection idle in a transaction: the order
// emails' notification transactions waited for a second connection (fixed in
// medusa-server/src/services/notification.ts, proven by medusa-server's checkout-pool test).
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 15)
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS || 10_000)

/** Straight to stdout: jest holds console output back until the file ends, and a stalled run would print nothing. */
const say = (line: string) => process.stdout.write(`${line}\n`)

async function pool<T>(items: T[], limit: number, run: (item: T, i: number) => Promise<unknown>) {
  let next = 0
  const results: unknown[] = []
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        results[i] = await run(items[i], i)
      }
    })
  )
  return results
}

async function timed(label: string, carts: Array<{ token: string; cartId: string }>) {
  const started = process.hrtime.bigint()
  const results = (await pool(carts, CONCURRENCY, (c) => completeCart(c.token, c.cartId))) as Array<{ status: number; json: any }>
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const orders = results.filter((r) => r.status === 200 && r.json?.type === "order").length
  const perSecond = orders / seconds
  say(`${label}: ${orders}/${carts.length} orders in ${seconds.toFixed(1)} s = ${perSecond.toFixed(1)} checkouts/s`)
  const failed = results.filter((r) => !(r.status === 200 && r.json?.type === "order"))
  if (failed.length) {
    const byAnswer = new Map<string, number>()
    for (const r of failed) {
      const answer = `${r.status} ${r.json?.message ?? r.json?.type ?? ""}`.slice(0, 160)
      byAnswer.set(answer, (byAnswer.get(answer) ?? 0) + 1)
    }
    say(`${label}: not orders:\n${[...byAnswer].map(([answer, n]) => `  ${n} × ${answer}`).join("\n")}`)
  }
  return { orders, perSecond, results }
}

// Runs under jest (bench/jest.config.js) for its TypeScript and the shared stack setup.
it(`${CHECKOUTS} share checkouts against ${CHECKOUTS} ordinary ones`, async () => {
  {
    say(`setting up ${BUYERS} approved buyers, ${CHECKOUTS} share carts and ${CHECKOUTS} ordinary carts…`)
    const buyers = (await pool(Array.from({ length: BUYERS }), 5, (_, i) => approvedBuyer(`bench${i}`))) as Awaited<ReturnType<typeof approvedBuyer>>[]
    const offering = await openOffering({ total_shares: CHECKOUTS })
    const product = await createStockedProduct(CHECKOUTS, { channel: "org" })
    const slots = Array.from({ length: CHECKOUTS }, (_, i) => buyers[i % BUYERS])
    const shareCarts = (await pool(slots, 10, async (buyer) => ({ token: buyer.token, cartId: (await shareCart(buyer, offering.variant_id, 1)).cartId }))) as any[]
    const productCarts = (await pool(slots, 10, async (buyer) => ({
      token: buyer.token,
      cartId: await readyCart(storeClient("org", { token: buyer.token }), { variantId: product.variantId, email: buyer.email }),
    }))) as any[]

    say(`ready: ${shareCarts.length} share carts, ${productCarts.length} ordinary carts; checking out ${CONCURRENCY} at a time`)
    const ordinary = await timed("ordinary product checkouts", productCarts)
    // The ordinary orders' follow-up work (emails, webhooks) would otherwise run during the share run.
    await new Promise((r) => setTimeout(r, SETTLE_MS))
    const shares = await timed("share checkouts", shareCarts)
    say(`ratio share / ordinary throughput: ${(shares.perSecond / ordinary.perSecond).toFixed(2)}x (goal >= 0.8x)`)

    const mintStart = Date.now()
    await waitFor(async () => (await admin("GET", `/admin/offerings/${offering.id}`)).json.offering.sold === shares.orders, 600_000, "every mint confirmed")
    say(`all ${shares.orders} mints confirmed by chain sync ${((Date.now() - mintStart) / 1000).toFixed(1)} s after the last checkout`)

    const o = (await admin("GET", `/admin/offerings/${offering.id}`)).json.offering
    const supply = await testChain().totalSupply(offering.chain_offering_id)
    const [{ held }] = await dbQuery(`SELECT COALESCE(sum(balance), 0)::int AS held FROM fractional_share_holding WHERE chain_offering_id = $1`, [offering.chain_offering_id])
    const [{ open }] = await dbQuery(`SELECT count(*)::int AS open FROM fractional_share_reservation WHERE offering_id = $1 AND status IN ('reserved', 'minting')`, [offering.id])
    const [{ stock }] = await dbQuery(`SELECT inventory_quantity AS stock FROM product_variant WHERE id = $1`, [product.variantId])
    const checks = {
      "every share checkout became an order": shares.orders === CHECKOUTS,
      "every ordinary checkout became an order": ordinary.orders === CHECKOUTS,
      "sold never exceeds total": o.sold + o.reserved <= o.total_shares,
      "store sold = chain totalSupply": o.sold === supply,
      "chain totalSupply = confirmed holdings mirrored": supply === held,
      "no reservation left pending": open === 0,
      "stock is exactly used up": stock === 0,
    }
    say(Object.entries(checks).map(([name, ok]) => `${ok ? "ok  " : "FAIL"} ${name}`).join("\n"))
    expect(Object.entries(checks).filter(([, ok]) => !ok)).toEqual([])
  }
}, 3_600_000)

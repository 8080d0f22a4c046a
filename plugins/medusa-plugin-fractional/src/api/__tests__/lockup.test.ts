// An offering with a lock-up: buying during it works (a mint is not a transfer), the store
// shows the date, and a holder's transfer on chain before it reverts and changes nothing.
import { pvaSharesAbi } from "@pva/contracts"
import { createTestClient, createWalletClient, http, parseEther } from "viem"
import { waitFor } from "@pva/test-support/wait"
import { admin, approvedBuyer, completeCart, openOffering, shareCart, store, testChain } from "../../../test-support/fractional"

const chainUrl = () => process.env.PVA_TEST_CHAIN_URL as string
const hardhat = { id: 31337, name: "hardhat", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [chainUrl()] } } } as const
const LOCKUP_UNTIL = new Date(Date.now() + 30 * 24 * 3600_000)
LOCKUP_UNTIL.setUTCMilliseconds(0)

let holder: Awaited<ReturnType<typeof approvedBuyer>>
let other: Awaited<ReturnType<typeof approvedBuyer>>
let offering: any

const holdersOf = async () =>
  Object.fromEntries(
    ((await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table.holders as any[]).map((h) => [h.wallet, h.shares])
  )

beforeAll(async () => {
  ;[holder, other] = [await approvedBuyer("locked"), await approvedBuyer("other")]
  offering = await openOffering({ total_shares: 20, lockup_until: LOCKUP_UNTIL.toISOString() })
})

it("records the lock-up on chain and shows it on the offering", async () => {
  expect(Number(await testChain().read("lockupUntil", [BigInt(offering.chain_offering_id)]))).toBe(LOCKUP_UNTIL.getTime() / 1000)
  const shown = (await store("GET", `/store/offerings/${offering.id}`)).json.offering
  expect(shown).toMatchObject({ lockup_until: LOCKUP_UNTIL.toISOString(), transfers_locked: true })
})

it("sells shares during the lock-up, and the portfolio says they are locked until when", async () => {
  const { cartId, added } = await shareCart(holder, offering.variant_id, 4)
  expect(added.status).toBe(200)
  expect((await completeCart(holder.token, cartId)).status).toBe(200)
  await waitFor(async () => (await holdersOf())[holder.wallet] === 4, 20_000, "the purchase to be confirmed")
  const positions = (await store("GET", "/store/customers/me/portfolio", { token: holder.token })).json.portfolio.positions
  expect(positions.find((p: any) => p.offering_id === offering.id)).toMatchObject({
    confirmed_shares: 4,
    lockup_until: LOCKUP_UNTIL.toISOString(),
    transfers_locked: true,
  })
})

it("a holder's transfer before the lock-up date reverts on chain and changes nothing in the store", async () => {
  await createTestClient({ mode: "hardhat", transport: http(chainUrl()) }).setBalance({ address: holder.wallet, value: parseEther("10") })
  const wallet = createWalletClient({ account: holder.account, chain: hardhat as any, transport: http(chainUrl()) })
  const attempt = wallet.writeContract({
    address: testChain().shares,
    abi: pvaSharesAbi,
    functionName: "safeTransferFrom",
    args: [holder.wallet, other.wallet, BigInt(offering.chain_offering_id), 1n, "0x"],
  } as any)
  await expect(attempt).rejects.toThrow(/SharesLockedUp/)
  // Give chain sync time to pick up anything there were to pick up.
  await new Promise((r) => setTimeout(r, 1500))
  expect(await holdersOf()).toEqual({ [holder.wallet]: 4 })
  expect(await testChain().balanceOf(other.wallet, offering.chain_offering_id)).toBe(0)
  const capTable = (await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table
  expect(capTable.differences).toEqual([])
  const otherPortfolio = (await store("GET", "/store/customers/me/portfolio", { token: other.token })).json.portfolio
  expect(otherPortfolio.positions.find((p: any) => p.offering_id === offering.id)).toBeUndefined()
})

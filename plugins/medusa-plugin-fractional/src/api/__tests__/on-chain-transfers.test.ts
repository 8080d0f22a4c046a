// Shares moved directly on chain: the cap table and both portfolios follow within seconds, a
// transfer to an ineligible wallet reverts and changes nothing, a reorg leaves no wrong record.
import { pvaSharesAbi } from "@pva/contracts"
import { createTestClient, createWalletClient, http, parseEther } from "viem"
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts"
import { admin, approvedBuyer, completeCart, openOffering, shareCart, store, testChain } from "../../../test-support/fractional"
import { waitFor } from "@pva/test-support/wait"

const chainUrl = () => process.env.PVA_TEST_CHAIN_URL as string
const testClient = () => createTestClient({ mode: "hardhat", transport: http(chainUrl()) })
const hardhat = { id: 31337, name: "hardhat", nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 }, rpcUrls: { default: { http: [chainUrl()] } } } as const

let seller: Awaited<ReturnType<typeof approvedBuyer>>
let receiver: Awaited<ReturnType<typeof approvedBuyer>>
let offering: any

async function transfer(from: typeof seller, to: `0x${string}`, amount: number) {
  const wallet = createWalletClient({ account: from.account, chain: hardhat as any, transport: http(chainUrl()) })
  const hash = await wallet.writeContract({
    address: testChain().shares,
    abi: pvaSharesAbi,
    functionName: "safeTransferFrom",
    args: [from.wallet, to, BigInt(offering.chain_offering_id), BigInt(amount), "0x"],
  } as any)
  return testChain().publicClient.waitForTransactionReceipt({ hash })
}

const holdersOf = async () =>
  Object.fromEntries(
    ((await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table.holders as any[]).map((h) => [h.wallet, h.shares])
  )
const confirmedShares = async (token: string) =>
  ((await store("GET", "/store/customers/me/portfolio", { token })).json.portfolio.positions.find((p: any) => p.offering_id === offering.id)?.confirmed_shares ?? 0)

beforeAll(async () => {
  ;[seller, receiver] = [await approvedBuyer("seller"), await approvedBuyer("receiver")]
  offering = await openOffering({ total_shares: 50 })
  const { cartId } = await shareCart(seller, offering.variant_id, 5)
  expect((await completeCart(seller.token, cartId)).status).toBe(200)
  await waitFor(async () => (await holdersOf())[seller.wallet] === 5, 20_000, "the purchase to be confirmed")
  await testClient().setBalance({ address: seller.wallet, value: parseEther("10") })
})

it("a transfer between eligible wallets shows in the cap table and both portfolios", async () => {
  await transfer(seller, receiver.wallet, 2)
  await waitFor(async () => {
    const holders = await holdersOf()
    return holders[seller.wallet] === 3 && holders[receiver.wallet] === 2
  }, 10_000, "the transfer in the cap table")
  expect(await confirmedShares(seller.token)).toBe(3)
  expect(await confirmedShares(receiver.token)).toBe(2)
  const capTable = (await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table
  expect(capTable.differences).toEqual([])
  expect(capTable.holders.find((h: any) => h.wallet === receiver.wallet)).toMatchObject({ customer_id: receiver.customerId })
})

it("a transfer to an ineligible wallet reverts on chain and changes nothing in the store", async () => {
  const outsider = privateKeyToAccount(generatePrivateKey()).address
  await expect(transfer(seller, outsider, 1)).rejects.toThrow(/RecipientNotEligible/)
  await new Promise((r) => setTimeout(r, 1500))
  expect(await holdersOf()).toEqual({ [seller.wallet]: 3, [receiver.wallet]: 2 })
  expect(await testChain().balanceOf(outsider, offering.chain_offering_id)).toBe(0)
})

it("a reorg that drops a transfer leaves no record of it", async () => {
  const client = testClient()
  const before = await holdersOf()
  const receiverBefore = before[receiver.wallet] ?? 0
  const snapshot = await client.snapshot()
  await transfer(seller, receiver.wallet, 1)
  await waitFor(async () => (await holdersOf())[receiver.wallet] === receiverBefore + 1, 10_000, "the transfer before the reorg")
  await client.revert({ id: snapshot })
  for (let i = 0; i < 3; i++) await client.request({ method: "evm_mine" } as any)
  await waitFor(async () => {
    const holders = await holdersOf()
    return (holders[receiver.wallet] ?? 0) === receiverBefore && holders[seller.wallet] === before[seller.wallet]
  }, 20_000, "the reorg to undo the transfer")
  expect(await confirmedShares(receiver.token)).toBe(receiverBefore)
  expect((await admin("GET", `/admin/offerings/${offering.id}/cap-table`)).json.cap_table.differences).toEqual([])
})

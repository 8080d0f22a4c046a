// What a market test needs, all real: the twin stack (hardhat node with PVATwin, PVAShares and
// PVAMarket, a database, the PVA server following the chain at zero confirmations) plus
// collectors (a customer with a linked, funded wallet) and the market's calls as they make them.
import { pvaMarketAbi, pvaTwinAbi } from "@pva/contracts"
import { registerCustomer } from "@pva/test-support/store"
import { waitFor } from "@pva/test-support/wait"
import { parseEther, type Address, type Hash } from "viem"
import { generatePrivateKey, privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts"
import { startTwinStack, type TwinStack } from "../../medusa-plugin-digital-twin/test-support/twin-stack"

export type MarketStack = TwinStack & {
  collector: (label: string) => Promise<Collector>
  mintTwin: (to: Address) => Promise<bigint>
  as: (account: PrivateKeyAccount) => MarketCalls
  waitForListing: (id: bigint | string, what: string, check: (listing: Record<string, unknown>) => boolean) => Promise<Record<string, unknown>>
}

export type Collector = { email: string; token: string; account: PrivateKeyAccount; address: Address; market: MarketCalls }

export type MarketCalls = ReturnType<typeof marketCalls>

const DAY = 86_400
let nextTwinId = 7_000_000n

function marketCalls(stack: TwinStack, account: PrivateKeyAccount) {
  const wallet = stack.walletClient(account)
  const market = stack.chain.market.address
  async function send(functionName: string, args: readonly unknown[], value?: bigint) {
    const hash = (await wallet.writeContract({ address: market, abi: pvaMarketAbi, functionName, args, value, chain: wallet.chain, account } as never)) as Hash
    return stack.chain.send(Promise.resolve(hash))
  }
  const listingIdOf = async (receipt: Awaited<ReturnType<typeof send>>) => {
    const listed = receipt.logs.find((l) => l.address.toLowerCase() === market.toLowerCase())
    return BigInt(listed!.topics[1]!)
  }
  return {
    send,
    async approveAll() {
      const hash = await wallet.writeContract({ address: stack.chain.twin.address, abi: pvaTwinAbi, functionName: "setApprovalForAll", args: [market, true], chain: wallet.chain, account })
      await stack.chain.send(Promise.resolve(hash))
    },
    listFixed: async (tokenId: bigint, price: bigint) => listingIdOf(await send("listFixedPrice", [stack.chain.twin.address, tokenId, 1n, price])),
    listDutch: async (tokenId: bigint, start: bigint, floor: bigint, duration = DAY) =>
      listingIdOf(await send("listDutch", [stack.chain.twin.address, tokenId, 1n, start, floor, duration])),
    createAuction: async (tokenId: bigint, reserve: bigint, duration = DAY, incrementBps = 500, window = 600) =>
      listingIdOf(await send("createAuction", [stack.chain.twin.address, tokenId, 1n, reserve, duration, incrementBps, window])),
    bid: (listingId: bigint, amount: bigint) => send("bid", [listingId], amount),
    buy: (listingId: bigint, maxPrice: bigint) => send("buy", [listingId, 1n, maxPrice], maxPrice),
    settle: (listingId: bigint) => send("settleAuction", [listingId]),
    cancel: (listingId: bigint) => send("cancelListing", [listingId]),
    async makeOffer(tokenId: bigint, amount: bigint, expiresInSeconds = DAY) {
      const now = (await stack.chain.publicClient.getBlock()).timestamp
      const receipt = await send("makeOffer", [stack.chain.twin.address, tokenId, 1n, now + BigInt(expiresInSeconds)], amount)
      const made = receipt.logs.find((l) => l.address.toLowerCase() === market.toLowerCase())
      return BigInt(made!.topics[1]!)
    },
    acceptOffer: (offerId: bigint) => send("acceptOffer", [offerId]),
  }
}

export async function startMarketStack(): Promise<MarketStack> {
  const stack = await startTwinStack()
  const as = (account: PrivateKeyAccount) => marketCalls(stack, account)
  return Object.assign(stack, {
    as,
    async collector(label: string): Promise<Collector> {
      const email = `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.com`
      const token = await registerCustomer(email)
      const account = await stack.linkedWallet(token, privateKeyToAccount(generatePrivateKey()))
      await stack.chain.testClient.setBalance({ address: account.address, value: parseEther("1000") })
      return { email, token, account, address: account.address, market: as(account) }
    },
    async mintTwin(to: Address) {
      const id = nextTwinId++
      await stack.chain.send(
        stack.chain.wallet.writeContract({ address: stack.chain.twin.address, abi: pvaTwinAbi, functionName: "mintTo", args: [to, id, `0x${id.toString(16).padStart(64, "0")}`] }),
      )
      return id
    },
    async waitForListing(id: bigint | string, what: string, check: (listing: Record<string, unknown>) => boolean) {
      return waitFor(
        async () => {
          const res = await stack.api("GET", `/store/market/listings/${id}`)
          return res.status === 200 && check(res.json.listing) ? (res.json.listing as Record<string, unknown>) : undefined
        },
        20_000,
        what,
      )
    },
  })
}

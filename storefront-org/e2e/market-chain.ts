// The chain side of the market journeys: fresh funded wallets, twins minted to them (with an
// artisan's royalty), balances, and the chain's clock moved on for auctions. Everything the
// browser does goes through the site; only what a journey sets up or checks comes through here.
import { loadDeployment, pvaMarketAbi, pvaTwinAbi, roles } from "@pva/contracts"
import { createPublicClient, createTestClient, createWalletClient, getAddress, http, keccak256, parseEther, toHex, type Abi, type Address, type Hex } from "viem"
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts"
import { hardhat } from "viem/chains"

// Hardhat's dev account #0 deployed the contracts and holds their admin roles (and, by the deploy
// script's default, receives the market's fee). The server signs with #1: its nonces stay untouched.
const DEPLOYER_KEY: Hex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"
// Far above the store's token ids and the market seed's, so no twin collides.
const JOURNEY_TWIN_BASE = 3_000_000_000n

export type TestWallet = { privateKey: Hex; address: Address }

export function marketChain(rpcUrl: string, deploymentsDir: string) {
  const deployment = loadDeployment(31337, deploymentsDir)
  const twin = deployment.contracts.PVATwin.address as Address
  const market = deployment.contracts.PVAMarket!.address as Address
  const transport = http(rpcUrl)
  const publicClient = createPublicClient({ chain: hardhat, transport, pollingInterval: 100 })
  const testClient = createTestClient({ chain: hardhat, mode: "hardhat", transport })
  const deployer = createWalletClient({ account: privateKeyToAccount(DEPLOYER_KEY), chain: hardhat, transport })
  let nextTwin = JOURNEY_TWIN_BASE + BigInt(Date.now() % 1_000_000) * 100n

  async function asDeployer(address: Address, abi: Abi, functionName: string, args: readonly unknown[]) {
    const hash = await deployer.writeContract({ address, abi, functionName, args } as Parameters<typeof deployer.writeContract>[0])
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== "success") throw new Error(`${functionName} reverted`)
  }
  const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[]) =>
    publicClient.readContract({ address, abi, functionName, args } as Parameters<typeof publicClient.readContract>[0]) as Promise<T>

  return {
    twin,
    market,
    /** A new wallet holding 100 ETH, so each journey's balances are its own. */
    async fundedWallet(): Promise<TestWallet> {
      const privateKey = generatePrivateKey()
      const address = privateKeyToAccount(privateKey).address
      await testClient.setBalance({ address, value: parseEther("100") })
      return { privateKey, address }
    },
    /** A twin minted to `to`; with `royalty`, its ERC-2981 royalty goes to that artisan. */
    async mintTwin(to: Address, royalty?: { receiver: Address; bps: number }): Promise<bigint> {
      const tokenId = nextTwin++
      await asDeployer(twin, pvaTwinAbi as Abi, "grantRole", [roles.MINTER_ROLE, deployer.account.address])
      try {
        await asDeployer(twin, pvaTwinAbi as Abi, "mintTo", [to, tokenId, keccak256(toHex(`pva-market-journey-${tokenId}`))])
      } finally {
        await asDeployer(twin, pvaTwinAbi as Abi, "revokeRole", [roles.MINTER_ROLE, deployer.account.address])
      }
      if (royalty) await asDeployer(twin, pvaTwinAbi as Abi, "setTokenRoyalty", [tokenId, royalty.receiver, BigInt(royalty.bps)])
      return tokenId
    },
    balance: (address: Address) => publicClient.getBalance({ address }),
    ownerOf: async (tokenId: bigint) => getAddress(await read<Address>(twin, pvaTwinAbi as Abi, "ownerOf", [tokenId])),
    feeRecipient: async () => getAddress(await read<Address>(market, pvaMarketAbi as Abi, "feeRecipient", [])),
    feeBps: async () => Number(await read<number>(market, pvaMarketAbi as Abi, "feeBps", [])),
    withdrawable: (address: Address) => read<bigint>(market, pvaMarketAbi as Abi, "withdrawable", [address]),
    listing: (listingId: bigint) => read<{ status: number; endTime: bigint; highBidder: Address; highBid: bigint }>(market, pvaMarketAbi as Abi, "getListing", [listingId]),
    latestTimestamp: async () => (await publicClient.getBlock()).timestamp,
    /** Moves the chain's clock on by `seconds` and mines a block at the new time. */
    async increaseTime(seconds: bigint | number) {
      await testClient.increaseTime({ seconds: Number(seconds) })
      await testClient.mine({ blocks: 1 })
    },
  }
}

export type MarketChain = ReturnType<typeof marketChain>

/** What a sale pays out, rounded as PVAMarket rounds it: royalty and fee down, the seller the rest. */
export function payout(price: bigint, royaltyBps: number, feeBps: number) {
  const royalty = (price * BigInt(royaltyBps)) / 10_000n
  const fee = (price * BigInt(feeBps)) / 10_000n
  return { royalty, fee, seller: price - royalty - fee }
}

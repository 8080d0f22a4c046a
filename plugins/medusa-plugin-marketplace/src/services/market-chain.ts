// The server's view of PVAMarket on chain: block times for the read model, royalty and owner
// reads for the store, and pause / unpause signed by the server's key. One per process. Reads and
// transactions go through medusa-kit's chain clients and signer: the one nonce queue per address
// that the twin and shares plugins use too (all sign with CHAIN_SERVER_KEY by default).
import { pvaMarketAbi, pvaSharesAbi, pvaTwinAbi } from "@pva/contracts"
import { chainClients, sendSigned, signerAccount, type ChainClients } from "@pva/medusa-kit/chain"
import { encodeFunctionData, type Hash, type PrivateKeyAccount } from "viem"
import { MedusaError } from "medusa-core-utils"
import { resolveSettings, type MarketAddresses, type MarketplacePluginOptions, type MarketplaceSettings } from "../lib/settings"

const DEFAULT_ADMIN_ROLE = `0x${"0".repeat(64)}` as const

/** The signer lacks what the call needs, or the chain refused it: a conflict the admin can resolve. */
export class MarketChainRefusal extends Error {}

export default class MarketChainService {
  static identifier = "marketChainService"
  static LIFE_TIME = "SINGLETON"

  readonly settings: MarketplaceSettings
  private readonly signer: PrivateKeyAccount
  private readonly blockTimes = new Map<string, Date>()

  constructor(_container: unknown, options: MarketplacePluginOptions = {}) {
    this.settings = resolveSettings(options)
    this.signer = signerAccount(this.settings.signerKey)
  }

  /** The market's contracts; a 404 saying so when this chain has no PVAMarket deployed. */
  addresses(): MarketAddresses {
    try {
      return this.settings.addresses()
    } catch (err) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No market on chain ${this.settings.chainId}: ${(err as Error).message}`)
    }
  }

  /** Whether a market is deployed on this chain (the deployment file names PVAMarket). */
  hasMarket(): boolean {
    try {
      this.settings.addresses()
      return true
    } catch {
      return false
    }
  }

  get signerAddress(): `0x${string}` {
    return this.signer.address
  }

  private get clients(): ChainClients {
    return chainClients(this.settings)
  }

  /** When the block was mined (cached: a block's time never changes; a reorged block has another hash). */
  async blockTime(blockHash: string): Promise<Date> {
    const cached = this.blockTimes.get(blockHash)
    if (cached) return cached
    const block = await this.clients.publicClient.getBlock({ blockHash: blockHash as `0x${string}` })
    const at = new Date(Number(block.timestamp) * 1000)
    if (this.blockTimes.size > 10_000) this.blockTimes.clear()
    this.blockTimes.set(blockHash, at)
    return at
  }

  /** ERC-2981 of the twin (shares: of the twin their offering fractionalises) as basis points, or null. */
  async royaltyOf(assetType: "twin" | "shares", tokenId: string): Promise<{ receiver: string; bps: number } | null> {
    const { twin, shares } = this.addresses()
    const { publicClient } = this.clients
    try {
      let twinId = BigInt(tokenId)
      if (assetType === "shares") twinId = (await publicClient.readContract({ address: shares, abi: pvaSharesAbi, functionName: "twinOf", args: [twinId] })) as bigint
      const [receiver, amount] = (await publicClient.readContract({ address: twin, abi: pvaTwinAbi, functionName: "royaltyInfo", args: [twinId, 10_000n] })) as [
        string,
        bigint,
      ]
      if (/^0x0{40}$/i.test(receiver)) return null
      // The market caps a royalty at half the price (MAX_ROYALTY_BPS).
      return { receiver: receiver.toLowerCase(), bps: Math.min(Number(amount), 5_000) }
    } catch {
      return null
    }
  }

  /** The holder of a twin, or null if it does not exist. */
  async twinOwner(tokenId: string): Promise<string | null> {
    try {
      const owner = (await this.clients.publicClient.readContract({ address: this.addresses().twin, abi: pvaTwinAbi, functionName: "ownerOf", args: [BigInt(tokenId)] })) as string
      return owner.toLowerCase()
    } catch {
      return null
    }
  }

  async sharesBalance(wallet: string, offeringId: string): Promise<bigint> {
    return (await this.clients.publicClient.readContract({
      address: this.addresses().shares,
      abi: pvaSharesAbi,
      functionName: "balanceOf",
      args: [wallet as `0x${string}`, BigInt(offeringId)],
    })) as bigint
  }

  async isPaused(): Promise<boolean> {
    return (await this.clients.publicClient.readContract({ address: this.addresses().market, abi: pvaMarketAbi, functionName: "paused" })) as boolean
  }

  /** Pauses or resumes trading, signed by the server's key; refused (MarketChainRefusal) when the key lacks the admin role. */
  async setPaused(paused: boolean): Promise<{ tx_hash: Hash; paused: boolean }> {
    const { publicClient } = this.clients
    const address = this.addresses().market
    const isAdmin = (await publicClient.readContract({
      address,
      abi: pvaMarketAbi,
      functionName: "hasRole",
      args: [DEFAULT_ADMIN_ROLE, this.signer.address],
    })) as boolean
    if (!isAdmin) {
      throw new MarketChainRefusal(
        `The server's signer ${this.signer.address} does not hold PVAMarket's admin role (DEFAULT_ADMIN_ROLE), so it cannot ${paused ? "pause" : "unpause"} the market. ` +
          `Grant it the role from the deployer's account, or pause from that account directly.`,
      )
    }
    if ((await this.isPaused()) === paused) throw new MarketChainRefusal(`The market is already ${paused ? "paused" : "running"}`)
    const hash = await sendSigned({
      endpoint: this.settings,
      key: this.settings.signerKey,
      to: address,
      data: encodeFunctionData({ abi: pvaMarketAbi, functionName: paused ? "pause" : "unpause" }),
    })
    const receipt = await publicClient.waitForTransactionReceipt({ hash })
    if (receipt.status !== "success") throw new MarketChainRefusal(`The ${paused ? "pause" : "unpause"} transaction ${hash} reverted`)
    return { tx_hash: hash, paused }
  }
}

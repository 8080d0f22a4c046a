// The server's hands on PVATwin: signs claim vouchers, relays claims and mints (paying gas),
// and attests. One instance per process, so relayed transactions take nonces from one queue.
import { claimVoucherTypedData, pvaTwinAbi, type ClaimVoucher } from "@pva/contracts"
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  http,
  type Chain,
  type Hash,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
  type WalletClient,
} from "viem"

type Clients = { chain: Chain; publicClient: PublicClient; wallet: WalletClient }
import { privateKeyToAccount } from "viem/accounts"
import { resolveSettings, type DigitalTwinPluginOptions, type DigitalTwinSettings } from "../lib/settings"

export default class TwinChainService {
  static identifier = "twinChainService"
  static LIFE_TIME = "SINGLETON"

  readonly settings: DigitalTwinSettings
  private readonly minter: PrivateKeyAccount
  private readonly attester: PrivateKeyAccount
  private clients_: Clients | undefined
  private queue: Promise<unknown> = Promise.resolve()
  private nextNonce: number | undefined

  constructor(_container: unknown, options: DigitalTwinPluginOptions = {}) {
    this.settings = resolveSettings(options)
    this.minter = privateKeyToAccount(this.settings.minterKey)
    this.attester = privateKeyToAccount(this.settings.attesterKey)
  }

  get minterAddress() {
    return this.minter.address
  }
  get attesterAddress() {
    return this.attester.address
  }
  twinAddress(): `0x${string}` {
    return this.settings.twinAddress()
  }

  private makeClients(): Clients {
    const chain = defineChain({
      id: this.settings.chainId,
      name: `chain ${this.settings.chainId}`,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [this.settings.rpcUrl] } },
    })
    const transport = http(this.settings.rpcUrl, { retryCount: 1, timeout: 30_000 })
    return {
      chain,
      publicClient: createPublicClient({ chain, transport, pollingInterval: 250 }) as PublicClient,
      wallet: createWalletClient({ account: this.minter, chain, transport }),
    }
  }
  get clients(): Clients {
    return (this.clients_ ??= this.makeClients())
  }

  async signVoucher(voucher: ClaimVoucher): Promise<Hex> {
    return this.minter.signTypedData(claimVoucherTypedData(this.settings.chainId, this.twinAddress(), voucher))
  }

  /** Submits `claim(voucher, signature)`; gas is the server's. Returns once the node accepted it. */
  relayClaim(voucher: ClaimVoucher, signature: Hex): Promise<Hash> {
    return this.send(encodeFunctionData({ abi: pvaTwinAbi, functionName: "claim", args: [voucher, signature] }))
  }

  mintTo(to: `0x${string}`, tokenId: bigint, digest: Hex): Promise<Hash> {
    return this.send(encodeFunctionData({ abi: pvaTwinAbi, functionName: "mintTo", args: [to, tokenId, digest] }))
  }

  /** Off-chain statement signed by the attester (EIP-191), verifiable with the issuer's address. */
  async signAttestation(statement: string): Promise<{ issuer: `0x${string}`; signature: Hex }> {
    return { issuer: this.attester.address, signature: await this.attester.signMessage({ message: statement }) }
  }

  async attestOnChain(tokenId: bigint, kind: Hex, dataHash: Hex): Promise<Hash> {
    const { wallet } = this.clients
    return wallet.writeContract({
      account: this.attester,
      chain: this.clients.chain,
      address: this.twinAddress(),
      abi: pvaTwinAbi,
      functionName: "attest",
      args: [tokenId, kind, dataHash],
    })
  }

  async ownerOnChain(tokenId: bigint): Promise<`0x${string}` | null> {
    try {
      return (await this.clients.publicClient.readContract({ address: this.twinAddress(), abi: pvaTwinAbi, functionName: "ownerOf", args: [tokenId] })) as `0x${string}`
    } catch {
      return null
    }
  }

  async waitForReceipt(hash: Hash): Promise<{ status: "success" | "reverted"; blockNumber: bigint }> {
    return this.clients.publicClient.waitForTransactionReceipt({ hash })
  }

  /**
   * One minter transaction at a time per process: nonces come from a local counter, read from
   * the chain's pending count at first use and again after any failure, so concurrent relays
   * neither collide nor leave gaps. A call that would revert fails here, before a nonce is used.
   */
  private send(data: Hex): Promise<Hash> {
    const run = async () => {
      const { publicClient, wallet, chain } = this.clients
      const to = this.twinAddress()
      const gas = await publicClient.estimateGas({ account: this.minter, to, data })
      // A second try after re-reading the nonce: the chain may have moved under us (a reorg,
      // another process, a restarted dev chain).
      for (let attempt = 0; ; attempt++) {
        this.nextNonce ??= await publicClient.getTransactionCount({ address: this.minter.address, blockTag: "pending" })
        try {
          const hash = await wallet.sendTransaction({ account: this.minter, chain, to, data, gas: (gas * 12n) / 10n, nonce: this.nextNonce })
          this.nextNonce += 1
          return hash
        } catch (err) {
          this.nextNonce = undefined
          if (attempt > 0 || !/nonce/i.test((err as Error).message)) throw err
        }
      }
    }
    const result = this.queue.then(run, run)
    this.queue = result.catch(() => undefined)
    return result
  }
}

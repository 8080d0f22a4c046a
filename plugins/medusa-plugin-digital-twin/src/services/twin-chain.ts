// The server's hands on PVATwin: signs claim vouchers, relays claims and mints (paying gas),
// and attests. Transactions go through medusa-kit's signer, whose one nonce queue per address
// the shares plugin shares (both sign with CHAIN_SERVER_KEY by default).
import { claimVoucherTypedData, pvaTwinAbi, type ClaimVoucher } from "@pva/contracts"
import { chainClients, sendSigned, signerAccount, type ChainClients } from "@pva/medusa-kit/chain"
import { encodeFunctionData, type Hash, type Hex, type PrivateKeyAccount } from "viem"
import { resolveSettings, type DigitalTwinPluginOptions, type DigitalTwinSettings } from "../lib/settings"

export default class TwinChainService {
  static identifier = "twinChainService"
  static LIFE_TIME = "SINGLETON"

  readonly settings: DigitalTwinSettings
  private readonly minter: PrivateKeyAccount
  private readonly attester: PrivateKeyAccount

  constructor(_container: unknown, options: DigitalTwinPluginOptions = {}) {
    this.settings = resolveSettings(options)
    this.minter = signerAccount(this.settings.minterKey)
    this.attester = signerAccount(this.settings.attesterKey)
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

  get clients(): ChainClients {
    return chainClients(this.settings)
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

  attestOnChain(tokenId: bigint, kind: Hex, dataHash: Hex): Promise<Hash> {
    const data = encodeFunctionData({ abi: pvaTwinAbi, functionName: "attest", args: [tokenId, kind, dataHash] })
    return sendSigned({ endpoint: this.settings, key: this.settings.attesterKey, to: this.twinAddress(), data })
  }

  async ownerOnChain(tokenId: bigint): Promise<`0x${string}` | null> {
    try {
      return (await this.clients.publicClient.readContract({ address: this.twinAddress(), abi: pvaTwinAbi, functionName: "ownerOf", args: [tokenId] })) as `0x${string}`
    } catch {
      return null
    }
  }

  /**
   * Now, in seconds, as the contract will judge a voucher's deadline: the chain's clock when it
   * runs ahead of ours (a development chain moved forward with evm_increaseTime), else ours.
   * Without an answer from the node, our clock.
   */
  async clockNow(): Promise<number> {
    const wallClock = Math.floor(Date.now() / 1000)
    try {
      const latest = await this.clients.publicClient.getBlock({ blockTag: "latest" })
      return Math.max(wallClock, Number(latest.timestamp))
    } catch {
      return wallClock
    }
  }

  async waitForReceipt(hash: Hash): Promise<{ status: "success" | "reverted"; blockNumber: bigint }> {
    return this.clients.publicClient.waitForTransactionReceipt({ hash })
  }

  /** A minter transaction; a call that would revert fails at gas estimation, before a nonce is used. */
  private send(data: Hex): Promise<Hash> {
    return sendSigned({ endpoint: this.settings, key: this.settings.minterKey, to: this.twinAddress(), data })
  }
}

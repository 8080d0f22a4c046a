// The PVAShares calls the server makes, with viem. Transactions go through medusa-kit's signer:
// one nonce queue per address in the process, shared with the twin plugin (both sign with
// CHAIN_SERVER_KEY by default). A transaction's hash is known before it is broadcast, so a
// caller can record it first and a crash never loses track of a mint.
import { pvaSharesAbi } from "@pva/contracts"
import { chainClients, sendSigned, signerAccount } from "@pva/medusa-kit/chain"
import {
  BaseError,
  ContractFunctionRevertedError,
  encodeFunctionData,
  type Address,
  type ContractFunctionArgs,
  type EncodeFunctionDataParameters,
  type Hash,
  type PublicClient,
  type SimulateContractParameters,
} from "viem"
import { sharesAddress, type SharesChainConfig, type ShareSignerRole } from "./chain-config"

/** A transaction that reverted, or would revert, with the contract's reason. */
export class ChainCallError extends Error {
  constructor(message: string, readonly reason?: string) {
    super(message)
    this.name = "ChainCallError"
  }
}

function revertReason(error: unknown): string {
  if (error instanceof BaseError) {
    const revert = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null
    if (revert?.data?.errorName) return `${revert.data.errorName}(${(revert.data.args ?? []).map(String).join(", ")})`
    return error.shortMessage
  }
  return error instanceof Error ? error.message : String(error)
}

/** The store's terms of an offering as `createOffering` takes them: id, twin, cap and lock-up (unix seconds, 0 for none). */
export function createOfferingArgs(o: {
  chain_offering_id: string | null
  twin_token_id: string | null
  total_shares: number
  lockup_until: Date | string | null
}): readonly [bigint, bigint, bigint, bigint] {
  if (!o.chain_offering_id) throw new Error("the offering has no chain id yet")
  const lockup = o.lockup_until ? BigInt(Math.ceil(new Date(o.lockup_until).getTime() / 1000)) : 0n
  return [BigInt(o.chain_offering_id), BigInt(o.twin_token_id ?? 0), BigInt(o.total_shares), lockup]
}

type SharesWrite = "createOffering" | "mintShares" | "setEligible"
type SharesArgs<F extends SharesWrite> = ContractFunctionArgs<typeof pvaSharesAbi, "nonpayable", F>

export class SharesChain {
  readonly publicClient: PublicClient

  constructor(private readonly config: SharesChainConfig) {
    this.publicClient = chainClients(config).publicClient
  }

  get address(): Address {
    return sharesAddress(this.config)
  }

  /**
   * Simulates, signs and broadcasts `functionName` as `role`. `beforeBroadcast` gets the hash
   * of the signed transaction first (to record it), and the hash the node refused when it signs
   * again for a nonce another process took (medusa-kit's sendSigned); a call that would revert throws
   * ChainCallError with the contract's reason and sends nothing.
   */
  send<F extends SharesWrite>(role: ShareSignerRole, functionName: F, args: SharesArgs<F>, beforeBroadcast?: (hash: Hash, refused?: Hash) => Promise<void>): Promise<Hash> {
    const key = this.config.keys[role]
    const address = this.address
    const call = { address, abi: pvaSharesAbi, functionName: functionName as SharesWrite, args } as SimulateContractParameters<typeof pvaSharesAbi, SharesWrite>
    return sendSigned({
      endpoint: this.config,
      key,
      to: address,
      data: encodeFunctionData(call as EncodeFunctionDataParameters<typeof pvaSharesAbi, SharesWrite>),
      beforeBroadcast,
      check: async () => {
        try {
          await this.publicClient.simulateContract({ ...call, account: signerAccount(key) })
        } catch (error) {
          const reverted = error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError)
          if (!reverted) throw error
          throw new ChainCallError(`${functionName} would revert: ${revertReason(error)}`, revertReason(error))
        }
      },
    })
  }

  /** Waits for `hash` and throws ChainCallError when it reverted. */
  async confirm(hash: Hash): Promise<{ blockNumber: bigint }> {
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100, timeout: 120_000 })
    if (receipt.status !== "success") throw new ChainCallError(`transaction ${hash} reverted`)
    return { blockNumber: receipt.blockNumber }
  }

  async sendAndConfirm<F extends SharesWrite>(role: ShareSignerRole, functionName: F, args: SharesArgs<F>) {
    const hash = await this.send(role, functionName, args)
    await this.confirm(hash)
    return hash
  }

  private read<T>(functionName: string, args: readonly unknown[]): Promise<T> {
    return this.publicClient.readContract({ address: this.address, abi: pvaSharesAbi, functionName, args } as any) as Promise<T>
  }

  isEligible(wallet: Address): Promise<boolean> {
    return this.read("isEligible", [wallet])
  }

  totalSupply(chainOfferingId: bigint): Promise<bigint> {
    return this.read("totalSupply", [chainOfferingId])
  }

  maxShares(chainOfferingId: bigint): Promise<bigint> {
    return this.read("maxShares", [chainOfferingId])
  }

  lockupUntil(chainOfferingId: bigint): Promise<bigint> {
    return this.read("lockupUntil", [chainOfferingId])
  }

  balanceOf(wallet: Address, chainOfferingId: bigint): Promise<bigint> {
    return this.read("balanceOf", [wallet, chainOfferingId])
  }
}

let shared: SharesChain | undefined
/** One client per process (the nonce queues are per process in medusa-kit anyway). */
export function sharesChain(config: SharesChainConfig): SharesChain {
  shared ??= new SharesChain(config)
  return shared
}

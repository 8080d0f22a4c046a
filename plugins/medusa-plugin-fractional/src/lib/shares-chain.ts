// The PVAShares calls the server makes, with viem. Each signer sends one transaction at a
// time (its nonce is read under a lock), and a transaction's hash is known before it is
// broadcast, so a caller can record it first and a crash never loses track of a mint.
import { pvaSharesAbi } from "@pva/contracts"
import {
  BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createWalletClient,
  defineChain,
  encodeFunctionData,
  http,
  keccak256,
  type Address,
  type Hash,
  type Hex,
  type PublicClient,
} from "viem"
import { privateKeyToAccount, type PrivateKeyAccount } from "viem/accounts"
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

class SerialLock {
  private tail: Promise<unknown> = Promise.resolve()
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task)
    this.tail = result.catch(() => undefined)
    return result
  }
}

export class SharesChain {
  readonly publicClient: PublicClient
  private readonly accounts: Record<ShareSignerRole, PrivateKeyAccount>
  private readonly locks = new Map<Address, SerialLock>()
  private readonly chain

  constructor(private readonly config: SharesChainConfig) {
    this.chain = defineChain({
      id: config.chainId,
      name: `chain ${config.chainId}`,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [config.rpcUrl] } },
    })
    this.publicClient = createPublicClient({ chain: this.chain, transport: http(config.rpcUrl, { retryCount: 1 }), pollingInterval: 100 }) as PublicClient
    this.accounts = {
      issuer: privateKeyToAccount(config.keys.issuer),
      minter: privateKeyToAccount(config.keys.minter),
      compliance: privateKeyToAccount(config.keys.compliance),
    }
  }

  get address(): Address {
    return sharesAddress(this.config)
  }

  /**
   * Simulates, signs and broadcasts `functionName` as `role`. `beforeBroadcast` gets the hash
   * of the signed transaction first (to record it); a call that would revert throws
   * ChainCallError with the contract's reason and sends nothing.
   */
  async send(
    role: ShareSignerRole,
    functionName: "createOffering" | "mintShares" | "setEligible",
    args: readonly unknown[],
    beforeBroadcast?: (hash: Hash) => Promise<void>
  ): Promise<Hash> {
    const account = this.accounts[role]
    const lock = this.locks.get(account.address) ?? new SerialLock()
    this.locks.set(account.address, lock)
    return lock.run(async () => {
      const address = this.address
      try {
        await this.publicClient.simulateContract({ account, address, abi: pvaSharesAbi, functionName, args } as any)
      } catch (error) {
        const reverted = error instanceof BaseError && error.walk((e) => e instanceof ContractFunctionRevertedError)
        if (!reverted) throw error
        throw new ChainCallError(`${functionName} would revert: ${revertReason(error)}`, revertReason(error))
      }
      const wallet = createWalletClient({ account, chain: this.chain, transport: http(this.config.rpcUrl, { retryCount: 1 }) })
      const data = encodeFunctionData({ abi: pvaSharesAbi, functionName, args } as any)
      const request = await wallet.prepareTransactionRequest({ to: address, data, chain: this.chain, account } as any)
      const serialized = (await account.signTransaction(request as any)) as Hex
      const hash = keccak256(serialized)
      if (beforeBroadcast) await beforeBroadcast(hash)
      await this.publicClient.request({ method: "eth_sendRawTransaction", params: [serialized] } as any)
      return hash
    })
  }

  /** Waits for `hash` and throws ChainCallError when it reverted. */
  async confirm(hash: Hash): Promise<{ blockNumber: bigint }> {
    const receipt = await this.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 100, timeout: 120_000 })
    if (receipt.status !== "success") throw new ChainCallError(`transaction ${hash} reverted`)
    return { blockNumber: receipt.blockNumber }
  }

  async sendAndConfirm(role: ShareSignerRole, functionName: "createOffering" | "mintShares" | "setEligible", args: readonly unknown[]) {
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
/** One client per process: the per-signer locks only work if every caller shares them. */
export function sharesChain(config: SharesChainConfig): SharesChain {
  shared ??= new SharesChain(config)
  return shared
}

// The one chain signer of a process. PVATwin's minter, PVAShares' issuer, minter and compliance
// (and the market later) are usually one account (CHAIN_SERVER_KEY): if each plugin kept its own
// nonce, two of them sending at once would take the same nonce and one transaction would be
// lost. Every transaction of an address goes through one queue here, wherever it comes from.
import {
  createPublicClient,
  defineChain,
  http,
  keccak256,
  type Address,
  type Chain,
  type Hash,
  type Hex,
  type PrivateKeyAccount,
  type PublicClient,
} from "viem"
import { privateKeyToAccount } from "viem/accounts"

export interface ChainEndpoint {
  chainId: number
  rpcUrl: string
}

export interface ChainClients {
  chain: Chain
  publicClient: PublicClient
}

const clientsByEndpoint = new Map<string, ChainClients>()

/** One public client per chain and RPC URL in the process. */
export function chainClients({ chainId, rpcUrl }: ChainEndpoint): ChainClients {
  const key = `${chainId}:${rpcUrl}`
  let clients = clientsByEndpoint.get(key)
  if (!clients) {
    const chain = defineChain({
      id: chainId,
      name: `chain ${chainId}`,
      nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    })
    const publicClient = createPublicClient({ chain, transport: http(rpcUrl, { retryCount: 1, timeout: 30_000 }), pollingInterval: 100 }) as PublicClient
    clients = { chain, publicClient }
    clientsByEndpoint.set(key, clients)
  }
  return clients
}

const accountsByKey = new Map<Hex, PrivateKeyAccount>()

/** The account of a private key (derived once). */
export function signerAccount(key: Hex): PrivateKeyAccount {
  let account = accountsByKey.get(key)
  if (!account) {
    account = privateKeyToAccount(key)
    accountsByKey.set(key, account)
  }
  return account
}

/** The nonce queue of one address on one chain: one transaction at a time, nonces from a local counter. */
interface AddressQueue {
  tail: Promise<unknown>
  /** The next nonce to use; unknown at first and after any failure (then read from the node's pending count). */
  next: number | undefined
}
const queues = new Map<string, AddressQueue>()

function queueOf(chainId: number, address: Address): AddressQueue {
  const key = `${chainId}:${address.toLowerCase()}`
  let queue = queues.get(key)
  if (!queue) {
    queue = { tail: Promise.resolve(), next: undefined }
    queues.set(key, queue)
  }
  return queue
}

export interface SignedSend {
  endpoint: ChainEndpoint
  key: Hex
  to: Address
  data: Hex
  /**
   * Runs in the address's turn, before gas is estimated: a simulation that throws a clearer error
   * than the node's. Its failure sends nothing and uses no nonce.
   */
  check?: () => Promise<void>
  /**
   * Gets the signed transaction's hash before it is broadcast (to record it first); throwing sends
   * nothing. When the node refused an earlier signing for its nonce (another process of the same
   * key took it), it is called again with the new hash and `refused`, the hash it recorded before,
   * which the node never accepted and so can never be mined.
   */
  beforeBroadcast?: (hash: Hash, refused?: Hash) => Promise<void>
}

const NONCE_TROUBLE = /nonce/i

/**
 * Signs and broadcasts `data` to `to` from `key`'s account, after every earlier transaction of
 * that account in this process. Returns the hash once the node accepted it. A nonce the node
 * refuses (another process, a restarted dev chain) is re-read and tried once more.
 */
export function sendSigned({ endpoint, key, to, data, check, beforeBroadcast }: SignedSend): Promise<Hash> {
  const account = signerAccount(key)
  const queue = queueOf(endpoint.chainId, account.address)
  const run = async (): Promise<Hash> => {
    const { chain, publicClient } = chainClients(endpoint)
    if (check) await check()
    const gas = ((await publicClient.estimateGas({ account, to, data })) * 12n) / 10n
    let refused: Hash | undefined
    for (let attempt = 0; ; attempt++) {
      let recorded: Hash | undefined
      try {
        queue.next ??= await publicClient.getTransactionCount({ address: account.address, blockTag: "pending" })
        const fees = await publicClient.estimateFeesPerGas({ chain })
        const serialized = await account.signTransaction({
          type: "eip1559",
          chainId: chain.id,
          to,
          data,
          gas,
          nonce: queue.next,
          maxFeePerGas: fees.maxFeePerGas,
          maxPriorityFeePerGas: fees.maxPriorityFeePerGas,
        })
        const hash = keccak256(serialized)
        if (beforeBroadcast) await beforeBroadcast(hash, refused)
        recorded = hash
        await publicClient.sendRawTransaction({ serializedTransaction: serialized })
        queue.next += 1
        return hash
      } catch (err) {
        queue.next = undefined
        if (attempt > 0 || !NONCE_TROUBLE.test(err instanceof Error ? err.message : String(err))) throw err
        refused = recorded ?? refused
      }
    }
  }
  const result = queue.tail.then(run, run)
  queue.tail = result.catch(() => undefined)
  return result
}

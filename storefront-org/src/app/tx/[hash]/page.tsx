import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { createPublicClient, http } from "viem"
import { chainConfig, serverRpcUrl } from "@/lib/chain-config"

export const metadata: Metadata = { title: "Transaction" }

/** A transaction as our own chain node reports it: the local stand-in for a block explorer. */
export default async function TransactionPage({ params }: { params: { hash: string } }) {
  if (!/^0x[0-9a-fA-F]{64}$/.test(params.hash)) notFound()
  const chain = chainConfig()
  const client = createPublicClient({ transport: http(serverRpcUrl(), { retryCount: 0, timeout: 5000 }) })
  const receipt = await client.getTransactionReceipt({ hash: params.hash as `0x${string}` }).catch(() => null)
  return (
    <div className="container section">
      <h1>Transaction</h1>
      <p className="mono">{params.hash}</p>
      {receipt ? (
        <table>
          <tbody>
            <tr><th scope="row">Status</th><td>{receipt.status === "success" ? "Succeeded" : "Reverted"}</td></tr>
            <tr><th scope="row">Chain</th><td>{chain.name} ({chain.id})</td></tr>
            <tr><th scope="row">Block</th><td>{receipt.blockNumber.toString()}</td></tr>
            <tr><th scope="row">From</th><td className="mono">{receipt.from}</td></tr>
            <tr><th scope="row">To</th><td className="mono">{receipt.to}</td></tr>
            <tr><th scope="row">Events</th><td>{receipt.logs.length}</td></tr>
          </tbody>
        </table>
      ) : (
        <p className="alert">The chain node does not know this transaction (yet).</p>
      )}
    </div>
  )
}

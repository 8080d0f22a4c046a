"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { getContract, prepareContractCall, sendTransaction } from "thirdweb"
import { claimTwin, twinStatus, type Voucher } from "@/lib/actions/wallet"
import { STATUS_LABELS } from "@/lib/format"
import { pvaChain, thirdwebClient } from "@/modules/wallet/thirdweb"
import { walletErrorMessage } from "@/modules/wallet/siwe"
import { WalletConnector, type ProvenWallet } from "@/modules/wallet/wallet-connector"
import { claimRefusal } from "./claim-refusal"

const CLAIM_METHOD = "function claim((address to, uint256 tokenId, bytes32 metadataDigest, uint256 deadline) voucher, bytes signature)"
const POLL_MS = 1500

type Mode = "self" | "relay"
type Progress = { tokenId: string; title: string; status: string; txHash: string | null }

export function ClaimFlow({ initialCode }: { initialCode: string }) {
  const router = useRouter()
  const [proof, setProof] = useState<ProvenWallet | null>(null)
  const [code, setCode] = useState(initialCode)
  const [mode, setMode] = useState<Mode>("self")
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [progress, setProgress] = useState<Progress | null>(null)

  // Live status: the twin's record follows chain sync; once minted, show the artifact page.
  useEffect(() => {
    if (!progress || progress.status === "minted") return
    const timer = setInterval(async () => {
      const r = await twinStatus(progress.tokenId)
      if (!r.ok) return
      setProgress((p) => (p ? { ...p, status: r.data.status, txHash: r.data.mint_tx_hash ?? p.txHash } : p))
      if (r.data.status === "minted") {
        clearInterval(timer)
        router.push(`/artifacts/${progress.tokenId}`)
      }
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [progress?.tokenId, progress?.status]) // eslint-disable-line react-hooks/exhaustive-deps -- polling restarts only when the token or its status changes

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    if (!proof) return
    setBusy(true)
    setError(null)
    try {
      const result = await claimTwin(code, proof.address, mode)
      if (!result.ok) return setError(claimRefusal(result.status, result.message))
      const { twin, claim } = result.data
      if (twin.status === "minted") {
        setError("This twin is already minted: its code has been used.")
        return
      }
      let txHash = twin.relay_tx_hash
      if (mode === "self") {
        if (!claim) return setError("The server gave no voucher for this claim. Please try again.")
        txHash = await submitVoucher(proof, claim)
      }
      setProgress({ tokenId: twin.token_id, title: twin.title, status: mode === "self" ? "submitted" : twin.status, txHash })
    } catch (err) {
      setError(walletErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  if (progress) {
    return (
      <section aria-live="polite" data-testid="claim-progress">
        <h2>{progress.title}</h2>
        <p className={progress.status === "minted" ? "ok" : "muted"} data-testid="claim-status">
          {progress.status === "minted" ? "Minted and confirmed on chain. Opening the artifact page…" : `${STATUS_LABELS[progress.status] ?? progress.status}: waiting for the chain to confirm…`}
        </p>
        {progress.txHash ? <p className="mono">Transaction {progress.txHash}</p> : null}
      </section>
    )
  }

  return (
    <div>
      <section className="section" aria-labelledby="connect">
        <h2 id="connect">1. Connect and prove your wallet</h2>
        {proof ? (
          <p className="ok" data-testid="wallet-proven">Wallet <span className="mono">{proof.address}</span> is linked to your account: the twin will be claimed to it.</p>
        ) : (
          <WalletConnector onProven={setProof} />
        )}
      </section>
      <section className="section" aria-labelledby="code-heading">
        <h2 id="code-heading">2. Your claim code</h2>
        <form onSubmit={onSubmit} noValidate>
          <label htmlFor="code">Claim code (from your email)</label>
          <input id="code" name="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} />
          <fieldset style={{ border: 0, padding: 0, margin: "12px 0" }}>
            <legend><strong>How should it be minted?</strong></legend>
            <label><input type="radio" name="mode" value="self" checked={mode === "self"} onChange={() => setMode("self")} /> Mint it myself (my wallet sends the transaction and pays its gas)</label>
            <label><input type="radio" name="mode" value="relay" checked={mode === "relay"} onChange={() => setMode("relay")} /> Mint it for me (gasless)</label>
          </fieldset>
          <button className="btn btn-primary" type="submit" disabled={!proof || busy}>{busy ? "Claiming…" : "Claim the twin"}</button>
          {!proof ? <p className="muted">Connect and prove a wallet first.</p> : null}
        </form>
        {error ? <p className="alert" role="alert" data-testid="claim-error">{error}</p> : null}
      </section>
    </div>
  )
}

async function submitVoucher(proof: ProvenWallet, claim: Voucher): Promise<string> {
  if (proof.wallet.getChain()?.id !== pvaChain.id) await proof.wallet.switchChain(pvaChain)
  const contract = getContract({ client: thirdwebClient, chain: pvaChain, address: claim.contract_address })
  const v = claim.voucher
  const transaction = prepareContractCall({
    contract,
    method: CLAIM_METHOD,
    params: [{ to: v.to, tokenId: BigInt(v.tokenId), metadataDigest: v.metadataDigest as `0x${string}`, deadline: BigInt(v.deadline) }, claim.signature as `0x${string}`],
  })
  const { transactionHash } = await sendTransaction({ transaction, account: proof.wallet.getAccount() ?? proof.account })
  return transactionHash
}

"use client"

import { useState } from "react"
import type { Account, Wallet } from "thirdweb/wallets"
import { linkWallet, walletNonce } from "@/lib/actions/wallet"
import { connectWallet, pvaChain, type WalletChoice } from "./thirdweb"
import { useWalletChoices } from "./use-wallet-choices"
import { siweMessage, walletErrorMessage } from "./siwe"

export type ProvenWallet = { address: `0x${string}`; wallet: Wallet; account: Account }

type Step = "choose" | "connecting" | "wrong-chain" | "signing" | "proven"

/**
 * Connect a wallet, make sure it is on our chain, and prove it by signing a SIWE message that
 * the server checks and links to the signed-in account.
 */
export function WalletConnector({ onProven }: { onProven: (proof: ProvenWallet) => void }) {
  const choices = useWalletChoices()
  const [step, setStep] = useState<Step>("choose")
  const [error, setError] = useState<string | null>(null)
  const [connected, setConnected] = useState<{ wallet: Wallet; account: Account; chainId: number | null } | null>(null)

  async function connect(choice: WalletChoice) {
    setError(null)
    setStep("connecting")
    try {
      const account = await connectWallet(choice)
      const chainId = choice.wallet.getChain()?.id ?? null
      setConnected({ wallet: choice.wallet, account, chainId })
      if (chainId !== pvaChain.id) return setStep("wrong-chain")
      await prove(choice.wallet, account)
    } catch (err) {
      setError(walletErrorMessage(err))
      setStep("choose")
    }
  }

  async function switchChain() {
    if (!connected) return
    setError(null)
    try {
      await connected.wallet.switchChain(pvaChain)
      const account = connected.wallet.getAccount() ?? connected.account
      setConnected({ ...connected, account, chainId: pvaChain.id })
      await prove(connected.wallet, account)
    } catch (err) {
      setError(walletErrorMessage(err))
    }
  }

  async function prove(wallet: Wallet, account: Account) {
    setStep("signing")
    const nonce = await walletNonce()
    if (!nonce.ok) {
      setError(nonce.message)
      return setStep("choose")
    }
    let signature: string
    const message = siweMessage({ address: account.address as `0x${string}`, chainId: pvaChain.id, nonce: nonce.data.nonce })
    try {
      signature = await account.signMessage({ message })
    } catch (err) {
      setError(walletErrorMessage(err))
      return setStep("choose")
    }
    const linked = await linkWallet(message, signature)
    if (!linked.ok) {
      setError(linked.message)
      return setStep("choose")
    }
    setStep("proven")
    onProven({ address: account.address as `0x${string}`, wallet, account })
  }

  return (
    <div className="wallet-connector" aria-live="polite">
      {step === "choose" || step === "connecting" ? (
        choices === null ? <p className="muted">Looking for wallets…</p> : choices.length === 0 ? (
          <p className="alert" role="alert">No browser wallet found. Install a wallet extension (or open this page in your wallet&apos;s browser), then reload.</p>
        ) : (
          <div className="row">
            {choices.map((c) => (
              <button key={c.id} type="button" className="btn btn-primary" disabled={step === "connecting"} onClick={() => connect(c)}>
                Connect {c.name}
              </button>
            ))}
          </div>
        )
      ) : null}
      {step === "wrong-chain" ? (
        <div className="alert" role="alert">
          <p>Your wallet is on chain {connected?.chainId ?? "unknown"}; PVA twins live on {pvaChain.name} (chain {pvaChain.id}).</p>
          <button type="button" className="btn btn-primary" onClick={switchChain}>Switch to {pvaChain.name}</button>
        </div>
      ) : null}
      {step === "signing" ? <p className="muted">Sign the message in your wallet to prove it is yours…</p> : null}
      {step === "proven" && connected ? <p className="ok" data-testid="wallet-proven">Wallet <span className="mono">{connected.account.address}</span> is linked to your account.</p> : null}
      {error ? <p className="alert" role="alert" data-testid="wallet-error">{error}</p> : null}
    </div>
  )
}

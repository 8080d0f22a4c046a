"use client"

import { useState } from "react"
import type { Account, Wallet } from "thirdweb/wallets"
import { connectWallet, pvaChain, type WalletChoice } from "@/modules/wallet/thirdweb"
import { useWalletChoices } from "@/modules/wallet/use-wallet-choices"
import { walletErrorMessage } from "@/modules/wallet/siwe"

export type ConnectedWallet = { address: `0x${string}`; wallet: Wallet; account: Account }

/**
 * Connects a browser wallet on our chain for a market transaction. No signed message: the
 * transaction itself proves the wallet, so a visitor can buy or bid without an account.
 */
export function ConnectWallet({ onConnected }: { onConnected: (w: ConnectedWallet) => void }) {
  const choices = useWalletChoices()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [wrongChain, setWrongChain] = useState<{ wallet: Wallet; chainId: number | null } | null>(null)

  async function connect(choice: WalletChoice) {
    setError(null)
    setBusy(true)
    try {
      const account = await connectWallet(choice)
      const chainId = choice.wallet.getChain()?.id ?? null
      if (chainId !== pvaChain.id) return setWrongChain({ wallet: choice.wallet, chainId })
      onConnected({ address: account.address as `0x${string}`, wallet: choice.wallet, account })
    } catch (err) {
      setError(walletErrorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  async function switchChain() {
    if (!wrongChain) return
    setError(null)
    try {
      await wrongChain.wallet.switchChain(pvaChain)
      const account = wrongChain.wallet.getAccount()
      if (!account) throw new Error("The wallet disconnected.")
      onConnected({ address: account.address as `0x${string}`, wallet: wrongChain.wallet, account })
    } catch (err) {
      setError(walletErrorMessage(err))
    }
  }

  return (
    <div className="wallet-connector" aria-live="polite">
      {wrongChain ? (
        <div className="alert" role="alert">
          <p>Your wallet is on chain {wrongChain.chainId ?? "unknown"}; the market is on {pvaChain.name} (chain {pvaChain.id}).</p>
          <button type="button" className="btn btn-primary" onClick={switchChain}>Switch to {pvaChain.name}</button>
        </div>
      ) : choices === null ? (
        <p className="muted">Looking for wallets…</p>
      ) : choices.length === 0 ? (
        <p className="alert" role="alert">No browser wallet found. Install a wallet extension (or open this page in your wallet&apos;s browser), then reload.</p>
      ) : (
        <div className="row">
          {choices.map((c) => (
            <button key={c.id} type="button" className="btn btn-primary" disabled={busy} onClick={() => connect(c)}>
              Connect {c.name}
            </button>
          ))}
        </div>
      )}
      {error ? <p className="alert" role="alert" data-testid="wallet-error">{error}</p> : null}
    </div>
  )
}

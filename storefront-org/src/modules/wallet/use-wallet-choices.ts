"use client"

import { useEffect, useState } from "react"
import { walletChoices, type WalletChoice } from "./thirdweb"

/** The browser's wallets, null until first read; kept current as wallets announce themselves. */
export function useWalletChoices(): WalletChoice[] | null {
  const [choices, setChoices] = useState<WalletChoice[] | null>(null)
  useEffect(() => {
    // Wallets announce themselves shortly after load (EIP-6963).
    const refresh = () => setChoices(walletChoices())
    const timer = setTimeout(refresh, 300)
    refresh()
    window.addEventListener("eip6963:announceProvider", refresh)
    return () => {
      clearTimeout(timer)
      window.removeEventListener("eip6963:announceProvider", refresh)
    }
  }, [])
  return choices
}

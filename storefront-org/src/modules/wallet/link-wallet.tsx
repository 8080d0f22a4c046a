"use client"

import { WalletConnector } from "./wallet-connector"

export function LinkWallet({ onLinked }: { onLinked: () => void }) {
  return <WalletConnector onProven={() => onLinked()} />
}

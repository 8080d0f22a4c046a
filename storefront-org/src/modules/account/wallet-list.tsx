"use client"

import dynamic from "next/dynamic"
import { useRouter } from "next/navigation"
import { useState } from "react"
import { unlinkWallet, type LinkedWallet } from "@/lib/actions/collector"

// The wallet library loads only when the collector asks to link one.
const LinkWallet = dynamic(() => import("@/modules/wallet/link-wallet").then((m) => m.LinkWallet), {
  ssr: false,
  loading: () => <p className="muted">Loading wallets…</p>,
})

export function WalletList({ wallets }: { wallets: LinkedWallet[] }) {
  const router = useRouter()
  const [linking, setLinking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <div>
      {wallets.length ? (
        <ul data-testid="wallets">
          {wallets.map((w) => (
            <li key={w.address} className="row">
              <span className="mono">{w.address}</span>
              <button
                type="button"
                className="btn btn-outline"
                aria-label={`Unlink ${w.address}`}
                onClick={async () => {
                  const r = await unlinkWallet(w.address)
                  if (!r.ok) return setError(r.message)
                  router.refresh()
                }}
              >
                Unlink
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No wallet linked yet.</p>
      )}
      {error ? <p className="alert" role="alert">{error}</p> : null}
      {linking ? (
        <LinkWallet onLinked={() => { setLinking(false); router.refresh() }} />
      ) : (
        <button type="button" className="btn btn-primary" onClick={() => setLinking(true)}>Link a wallet</button>
      )}
    </div>
  )
}

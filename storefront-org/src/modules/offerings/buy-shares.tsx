"use client"

import Link from "next/link"
import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { offeringPosition, type Position } from "@/lib/actions/collector"
import { buyShares } from "@/lib/actions/shares"

const KYC_TEXT: Record<string, string> = {
  required: "You have not applied for KYC yet.",
  pending: "Your KYC application is under review.",
  approved: "Your KYC is approved.",
  rejected: "Your KYC application was not approved.",
}

/** The visitor's own cap and KYC status, fetched after load, and the buy form. */
export function BuyShares({ offeringId }: { offeringId: string }) {
  const router = useRouter()
  const [position, setPosition] = useState<Position | null>(null)
  const [quantity, setQuantity] = useState("1")
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    offeringPosition(offeringId).then((r) => (r.ok ? setPosition(r.data) : setError(r.message)))
  }, [offeringId])

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    setError(null)
    const n = Number(quantity)
    if (!Number.isInteger(n) || n < 1) return setError("Enter a whole number of shares, at least 1.")
    setBusy(true)
    const result = await buyShares(offeringId, n)
    setBusy(false)
    if (!result.ok) return setError(result.message)
    if (result.data.next === "kyc") return router.push("/account/kyc?reason=required")
    if (result.data.next === "sign-in") return router.push(`/account?next=/offerings/${offeringId}`)
    router.push("/checkout")
  }

  return (
    <section className="section" aria-labelledby="buy">
      <h2 id="buy">Buy shares</h2>
      {position === null && !error ? <p className="muted">Checking your account…</p> : null}
      {position && !position.signedIn ? (
        <p><Link href={`/account?next=/offerings/${offeringId}`}>Sign in</Link> to see your cap and buy shares.</p>
      ) : null}
      {position?.signedIn ? (
        <p data-testid="your-position">
          {KYC_TEXT[position.kyc ?? "required"]} {position.kyc !== "approved" ? <Link href="/account/kyc">KYC application</Link> : null}
          {position.yourCap !== null ? <> You may buy up to <strong data-testid="your-cap">{position.yourCap}</strong> more shares.</> : null}
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="row" noValidate>
        <div>
          <label htmlFor="quantity">Number of shares</label>
          <input id="quantity" name="quantity" type="number" min={1} step={1} inputMode="numeric" value={quantity} onChange={(e) => setQuantity(e.target.value)} />
        </div>
        <button className="btn btn-primary" type="submit" disabled={busy}>{busy ? "Adding…" : "Buy shares"}</button>
      </form>
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </section>
  )
}

"use client"

import Link from "next/link"
import { useEffect, useState } from "react"
import { orderShares, type OrderShares } from "@/lib/actions/collector"

const POLL_MS = 2000

/** Pending until the shares are minted and chain sync confirms them; then confirmed. */
export function OrderSharesStatus({ orderId }: { orderId: string }) {
  const [state, setState] = useState<OrderShares | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout>
    const poll = async () => {
      const r = await orderShares(orderId)
      if (stopped) return
      if (!r.ok) return setError(r.message)
      setState(r.data)
      if (r.data.lines.some((l) => l.pending > 0)) timer = setTimeout(poll, POLL_MS)
    }
    poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [orderId])

  if (error) return <p className="alert" role="alert">{error}</p>
  if (!state) return <p className="muted">Loading your order…</p>
  return (
    <section aria-live="polite">
      <p>Order <strong data-testid="order-number">{state.order.pva_number ?? `#${state.order.display_id}`}</strong></p>
      <ul>
        {state.lines.map((l) => (
          <li key={l.offering_id} data-testid="order-shares">
            {l.quantity} shares of {l.title}:{" "}
            {l.pending > 0 ? <span data-testid="shares-state">pending ({l.pending} pending, {l.confirmed} confirmed)</span> : <span data-testid="shares-state">confirmed ({l.confirmed} confirmed)</span>}
          </li>
        ))}
      </ul>
      <p><Link href="/account/portfolio">See your portfolio</Link></p>
    </section>
  )
}

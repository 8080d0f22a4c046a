"use client"

import { useEffect, useRef, useState } from "react"

/**
 * Stripe's Payment Element for the cart's Stripe payment session. Loaded only when a
 * publishable Stripe key is configured, so shops on the manual provider never
 * download Stripe's script.
 */
export function StripePayment({ publishableKey, clientSecret, onPaid }: { publishableKey: string; clientSecret: string; onPaid: () => void }) {
  const mount = useRef<HTMLDivElement>(null)
  const stripeRef = useRef<{ stripe: any; elements: any } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let cancelled = false
    import("@stripe/stripe-js").then(async ({ loadStripe }) => {
      const stripe = await loadStripe(publishableKey)
      if (!stripe || cancelled || !mount.current) return
      const elements = stripe.elements({ clientSecret, appearance: { variables: { colorPrimary: "#0f3b2d" } } })
      elements.create("payment").mount(mount.current)
      stripeRef.current = { stripe, elements }
    }).catch(() => setError("The card form could not be loaded. Check your connection and try again."))
    return () => {
      cancelled = true
    }
  }, [publishableKey, clientSecret])

  const pay = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!stripeRef.current) return
    setBusy(true)
    setError(null)
    const { error: failure } = await stripeRef.current.stripe.confirmPayment({
      elements: stripeRef.current.elements,
      redirect: "if_required",
      confirmParams: { return_url: window.location.href },
    })
    setBusy(false)
    if (failure) setError(failure.message ?? "The payment was declined.")
    else onPaid()
  }

  return (
    <form onSubmit={pay} aria-label="Card payment">
      <div ref={mount} />
      {error && <p role="alert" className="alert">{error}</p>}
      <p><button className="btn btn-primary" type="submit" disabled={busy}>{busy ? "Confirming…" : "Pay and continue to review"}</button></p>
    </form>
  )
}

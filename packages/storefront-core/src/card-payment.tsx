"use client"

import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js"
import { loadStripe, type Stripe } from "@stripe/stripe-js"
import { useMemo, useState } from "react"

const stripes = new Map<string, Promise<Stripe | null>>()
/** Stripe.js is loaded once per key, and only by a page that shows the card form. */
const stripeFor = (publishableKey: string) => {
  if (!stripes.has(publishableKey)) stripes.set(publishableKey, loadStripe(publishableKey))
  return stripes.get(publishableKey)!
}

type CardPaymentProps = {
  publishableKey: string
  /** The client secret of the cart's Stripe payment session (its PaymentIntent). */
  clientSecret: string
  /** Where Stripe sends the shopper back after a redirect (3-D Secure): the checkout, which resumes from the URL. */
  returnUrl: string
  /** The card was authorized without leaving the page. */
  onPaid: () => void
  submitLabel?: string
  /** A decline from an earlier attempt (e.g. after the bank's redirect). */
  initialError?: string | null
}

/** Stripe's Payment Element for a cart paying by card. */
export function CardPayment(props: CardPaymentProps) {
  const stripe = useMemo(() => stripeFor(props.publishableKey), [props.publishableKey])
  return (
    <Elements stripe={stripe} options={{ clientSecret: props.clientSecret, appearance: { variables: { colorPrimary: "#0f3b2d" } } }}>
      <CardForm {...props} />
    </Elements>
  )
}

function CardForm({ returnUrl, onPaid, submitLabel = "Pay", initialError = null }: CardPaymentProps) {
  const stripe = useStripe()
  const elements = useElements()
  const [error, setError] = useState<string | null>(initialError)
  const [busy, setBusy] = useState(false)

  const pay = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!stripe || !elements) return
    setBusy(true)
    setError(null)
    const { error: failure } = await stripe.confirmPayment({ elements, redirect: "if_required", confirmParams: { return_url: returnUrl } })
    setBusy(false)
    if (failure) setError(failure.message ?? "Your card was declined.")
    else onPaid()
  }

  return (
    <form onSubmit={pay} aria-label="Card payment">
      <PaymentElement />
      {error && <p role="alert" className="alert">{error}</p>}
      <p><button className="btn btn-primary" type="submit" disabled={busy || !stripe}>{busy ? "Confirming…" : submitLabel}</button></p>
    </form>
  )
}

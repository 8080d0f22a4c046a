"use client"

import { useRouter } from "next/navigation"
import { useState } from "react"
import { AddressFields, validateAddress, type AddressInput } from "@pva/storefront-core"
import { CardPayment } from "@pva/storefront-core/card-payment"
import { completeShareOrder, startShareCheckout } from "@/lib/actions/checkout"

type Props = {
  countries: { iso_2: string; display_name: string }[]
  initial: Partial<AddressInput>
  /** Stripe's publishable key (from the server at request time); none: the development manual provider. */
  stripeKey: string | null
  /** Back from a failed 3-D Secure check: the card form again, with what went wrong. */
  resumeCard?: { clientSecret: string; decline: string } | null
}

/** Billing address, then the card (Stripe's Payment Element): the order reserves the shares until they are minted. */
export function ShareCheckoutForm({ countries, initial, stripeKey, resumeCard = null }: Props) {
  const router = useRouter()
  const [address, setAddress] = useState<AddressInput>({ email: "", first_name: "", last_name: "", address_1: "", city: "", postal_code: "", country_code: "", province: "", phone: "", ...initial })
  const [errors, setErrors] = useState<Partial<Record<keyof AddressInput, string>>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [clientSecret, setClientSecret] = useState<string | null>(resumeCard?.clientSecret ?? null)

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault()
    const found = validateAddress(address, countries.map((c) => c.iso_2))
    setErrors(found)
    if (Object.keys(found).length) return
    setBusy(true)
    setError(null)
    const started = await startShareCheckout(address)
    setBusy(false)
    if (!started.ok) return setError(started.message)
    if (started.data.kind === "order") return router.push(`/order/${started.data.id}`)
    setClientSecret(started.data.clientSecret)
  }

  async function onPaid() {
    const placed = await completeShareOrder()
    if (!placed.ok) return setError(placed.message)
    router.push(`/order/${placed.data.id}`)
  }

  if (clientSecret && stripeKey) {
    return (
      <section aria-label="Payment">
        {resumeCard && !error ? <p className="alert" role="alert" data-testid="card-declined">{resumeCard.decline}</p> : null}
        {error ? <p className="alert" role="alert">{error}</p> : null}
        <CardPayment publishableKey={stripeKey} clientSecret={clientSecret} returnUrl={`${window.location.origin}/checkout`} submitLabel="Pay and place order" onPaid={onPaid} />
      </section>
    )
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Billing address">
      <AddressFields address={address} errors={errors} countries={countries} onChange={setAddress} />
      <p className="muted">{stripeKey ? "Next: pay by card. Your shares are reserved when the payment is authorized and minted to your wallet." : "Payment: bank transfer on invoice (development). Your shares are reserved now and minted to your wallet."}</p>
      <p><button className="btn btn-accent" type="submit" disabled={busy}>{busy ? (stripeKey ? "One moment…" : "Placing order…") : stripeKey ? "Continue to payment" : "Place order"}</button></p>
      {resumeCard ? <p className="alert" role="alert" data-testid="card-declined">{resumeCard.decline}</p> : null}
      {error ? <p className="alert" role="alert">{error}</p> : null}
    </form>
  )
}

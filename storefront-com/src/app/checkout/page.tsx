"use client"

import { useRouter } from "next/navigation"
import { useEffect, useState } from "react"
import { AddressFields, CartTotals, formatAmount, readStripeReturn, RETURN_DECLINED_MESSAGE, type AddressInput, unwrap, validateAddress, withoutStripeReturn } from "@pva/storefront-core"
import { CardPayment } from "@pva/storefront-core/card-payment"
import { placeOrder as placeOrderAction, saveCheckoutDetails } from "@/lib/actions/checkout"
import { useStore } from "@/lib/store-context"
import { useAction } from "@/lib/use-action"

const STRIPE_KEY = process.env.NEXT_PUBLIC_STRIPE_KEY

type Step = "address" | "shipping" | "payment" | "review"


export default function CheckoutPage() {
  const { cart, medusa, customer, refreshCart, startNewCart, ready } = useStore()
  const router = useRouter()
  const [step, setStep] = useState<Step>("address")
  const [address, setAddress] = useState<AddressInput>({ email: "", first_name: "", last_name: "", address_1: "", city: "", postal_code: "", country_code: "", province: "", phone: "" })
  const [errors, setErrors] = useState<Partial<Record<keyof AddressInput, string>>>({})
  const [options, setOptions] = useState<any[]>([])
  const [optionId, setOptionId] = useState<string>("")
  const { busy, error, run } = useAction()
  const [returnDecline, setReturnDecline] = useState<string | null>(null)
  const [resuming, setResuming] = useState(false)
  const countries: Array<{ iso_2: string; display_name: string }> = cart?.region?.countries ?? []

  useEffect(() => {
    if (!cart) return
    setAddress((a) => ({
      ...a,
      email: a.email || cart.email || customer?.email || "",
      first_name: a.first_name || customer?.first_name || "",
      last_name: a.last_name || customer?.last_name || "",
      country_code: a.country_code || countries[0]?.iso_2 || "",
    }))
  }, [cart?.id, customer?.id]) // eslint-disable-line react-hooks/exhaustive-deps -- prefill once per cart and customer, not on every cart refresh

  // Back from Stripe's redirect (3-D Secure): finish the order, or show the decline on the
  // payment step; never start over at the address. The cart id rides in our own return URL,
  // because Stripe's webhook may have completed the cart (and this browser dropped it) already.
  useEffect(() => {
    const params = new URLSearchParams(window.location.search)
    const back = readStripeReturn(params)
    const cartId = params.get("cart")
    if (!back || !cartId || !/^cart_[A-Za-z0-9]+$/.test(cartId)) return
    window.history.replaceState(null, "", withoutStripeReturn(window.location.href).replace(/[?&]cart=[^&]*/, ""))
    if (back.outcome === "failed") {
      setReturnDecline(RETURN_DECLINED_MESSAGE)
      setStep("payment")
      return
    }
    setResuming(true)
    run(async () => {
      const order = unwrap(await placeOrderAction(cartId))
      startNewCart()
      router.push(`/order/confirmed/${order.id}`)
    }).finally(() => setResuming(false))
  }, []) // eslint-disable-line react-hooks/exhaustive-deps -- the Stripe return is read once, on arrival

  if (resuming) return <div className="container section"><h1>Checkout</h1><p role="status">Confirming your payment…</p></div>
  if (!ready) return <div className="container section"><p>Loading…</p></div>
  if (!cart || !cart.items?.length) return <div className="container section"><h1>Checkout</h1><p>Your cart is empty.</p></div>
  const currency = cart.region.currency_code

  const submitAddress = (e: React.FormEvent) => {
    e.preventDefault()
    const found = validateAddress(address, countries.map((c) => c.iso_2))
    setErrors(found)
    if (Object.keys(found).length > 0) return
    run(async () => {
      const { email, phone, ...rest } = address
      const shipping = { ...rest, phone: phone || undefined, province: rest.province || undefined }
      unwrap(await saveCheckoutDetails(cart.id, { email: email.trim(), shipping_address: shipping, billing_address: shipping }))
      const client = await medusa()
      const { shipping_options } = await client.shippingOptions.listCartOptions(cart.id)
      setOptions(shipping_options)
      setOptionId(shipping_options[0]?.id ?? "")
      await refreshCart()
      setStep("shipping")
    })
  }

  const submitShipping = (e: React.FormEvent) => {
    e.preventDefault()
    run(async () => {
      const client = await medusa()
      await client.carts.addShippingMethod(cart.id, { option_id: optionId })
      await client.carts.createPaymentSessions(cart.id)
      await refreshCart()
      setStep("payment")
    })
  }

  // Stripe when the shop has a key and the server offers a Stripe session; the manual provider otherwise.
  const stripeOffered = Boolean(STRIPE_KEY) && (cart.payment_sessions ?? []).some((s: any) => s.provider_id === "stripe")
  const stripeSession = (cart.payment_sessions ?? []).find((s: any) => s.provider_id === "stripe" && s.is_selected)

  const submitPayment = (e: React.FormEvent) => {
    e.preventDefault()
    run(async () => {
      const client = await medusa()
      await client.carts.setPaymentSession(cart.id, { provider_id: stripeOffered ? "stripe" : "manual" })
      await refreshCart()
      if (!stripeOffered) setStep("review")
    })
  }

  const placeOrder = () =>
    run(async () => {
      // The server completes it and keeps this browser's proof of the order in an httpOnly
      // cookie, so the confirmation URL carries the order id and nothing about the buyer.
      const order = unwrap(await placeOrderAction(cart.id))
      startNewCart()
      router.push(`/order/confirmed/${order.id}`)
    })

  return (
    <div className="container section" style={{ maxWidth: 720 }}>
      <h1>Checkout</h1>
      <ol className="row" aria-label="Checkout steps" style={{ listStyle: "none", padding: 0 }}>
        {(["address", "shipping", "payment", "review"] as Step[]).map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined} style={{ fontWeight: s === step ? 700 : 400 }}>{i + 1}. {s[0].toUpperCase() + s.slice(1)}</li>
        ))}
      </ol>
      {error && <p role="alert" className="alert">{error}</p>}

      {step === "address" && (
        <form onSubmit={submitAddress} noValidate aria-label="Shipping address">
          <AddressFields address={address} errors={errors} countries={countries} onChange={setAddress} />
          <p><button className="btn btn-primary" type="submit" disabled={busy}>Continue to shipping</button></p>
        </form>
      )}

      {step === "shipping" && (
        <form onSubmit={submitShipping} aria-label="Shipping method">
          <fieldset style={{ border: 0, padding: 0 }}>
            <legend><strong>Shipping method</strong></legend>
            {options.map((o) => (
              <label key={o.id} style={{ display: "flex", gap: 8, fontWeight: 400 }}>
                <input type="radio" name="shipping" value={o.id} checked={optionId === o.id} onChange={() => setOptionId(o.id)} />
                {o.name} — {formatAmount(o.amount ?? 0, currency)}
              </label>
            ))}
          </fieldset>
          <p><button className="btn btn-primary" type="submit" disabled={busy || !optionId}>Continue to payment</button></p>
        </form>
      )}

      {step === "payment" && returnDecline && <p role="alert" className="alert" data-testid="card-declined">{returnDecline}</p>}
      {step === "payment" && stripeSession?.data?.client_secret && STRIPE_KEY ? (
        <CardPayment
          publishableKey={STRIPE_KEY}
          clientSecret={stripeSession.data.client_secret}
          returnUrl={`${window.location.origin}/checkout?cart=${cart.id}`}
          submitLabel="Pay and continue to review"
          onPaid={() => setStep("review")}
        />
      ) : step === "payment" && (
        <form onSubmit={submitPayment} aria-label="Payment">
          {stripeOffered ? (
            <p>Pay by card with Stripe.</p>
          ) : (
            <p>Pay by bank transfer on invoice (manual payment). Your order is confirmed now and shipped once paid.</p>
          )}
          <p><button className="btn btn-primary" type="submit" disabled={busy}>{stripeOffered ? "Pay by card" : "Continue to review"}</button></p>
        </form>
      )}

      {step === "review" && (
        <section aria-label="Review">
          <h2>Review your order</h2>
          <ul>
            {cart.items.map((i: any) => <li key={i.id}>{i.quantity} × {i.title} — {formatAmount(i.total ?? i.unit_price * i.quantity, currency)}</li>)}
          </ul>
          <p>Ship to {cart.shipping_address?.first_name} {cart.shipping_address?.last_name}, {cart.shipping_address?.address_1}, {cart.shipping_address?.city}</p>
          <CartTotals cart={cart} currencyCode={currency} />
          <p><button className="btn btn-accent" type="button" onClick={placeOrder} disabled={busy}>{busy ? "Placing order…" : "Place order"}</button></p>
        </section>
      )}
    </div>
  )
}

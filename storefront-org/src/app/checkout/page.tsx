import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { CartTotals, formatAmount, readStripeReturn, RETURN_DECLINED_MESSAGE } from "@pva/storefront-core"
import { shareCardSecret, shareCart } from "@/lib/actions/checkout"
import { currentCustomer } from "@/lib/actions/session"
import { CardReturn } from "@/modules/offerings/card-return"
import { ShareCheckoutForm } from "@/modules/offerings/share-checkout-form"

export const metadata: Metadata = { title: "Checkout" }

export default async function CheckoutPage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const customer = await currentCustomer()
  if (!customer) redirect("/account?next=/checkout")
  // Back from Stripe's redirect (3-D Secure): resume here, never at the address again.
  const back = readStripeReturn(new URLSearchParams(Object.entries(searchParams).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : []))))
  if (back && back.outcome !== "failed") return <div className="container section" style={{ maxWidth: 720 }}><h1>Checkout</h1><CardReturn /></div>
  const cart = await shareCart()
  if (!cart.ok) return <div className="container section"><p className="alert">{cart.message}</p></div>
  if (!cart.data || cart.data.items.length === 0) {
    return <div className="container section"><h1>Checkout</h1><p>Your cart is empty. <Link href="/offerings">See the offerings</Link>.</p></div>
  }
  const { items, currency_code, totals, countries } = cart.data
  return (
    <div className="container section" style={{ maxWidth: 720 }}>
      <h1>Checkout</h1>
      <ul aria-label="Your cart">
        {items.map((i) => <li key={i.id}>{i.quantity} × {i.title} — {formatAmount(i.total, currency_code)}</li>)}
      </ul>
      {/* Shares are securities: the tax line names their exemption, as the shop's checkout names its VAT or sales tax. */}
      <CartTotals cart={totals} currencyCode={currency_code} />
      <ShareCheckoutForm
        stripeKey={process.env.NEXT_PUBLIC_STRIPE_KEY || null}
        resumeCard={back ? { clientSecret: (await shareCardSecret()) ?? "", decline: RETURN_DECLINED_MESSAGE } : null}
        countries={countries}
        initial={{ email: customer.email, first_name: customer.first_name ?? "", last_name: customer.last_name ?? "", country_code: countries[0]?.iso_2 ?? "" }}
      />
    </div>
  )
}

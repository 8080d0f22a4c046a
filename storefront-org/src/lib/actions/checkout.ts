"use server"

import { revalidateTag } from "next/cache"
import { cookies } from "next/headers"
import { rejected, validateAddress, type ActionResult, type AddressInput, type TotalsCart } from "@pva/storefront-core"
import { cookieOptions } from "@pva/storefront-core/session"
import { paymentProvider } from "../payment-provider"
import { asCustomer } from "./store-request"

// Share carts belong to the signed-in collector, so every step runs on the server with their
// session. Shares ship nothing: the cart takes the collector's address (billing) but no shipping
// method; the server completes a cart of shares without one.

const SHARE_CART_COOKIE = "pva_org_cart"

export type ShareCart = { id: string; currency_code: string; countries: { iso_2: string; display_name: string }[]; items: { id: string; title: string; quantity: number; unit_price: number; total: number }[]; total: number; email: string | null; totals: TotalsCart }

type TaxLine = { name: string; rate: number; code?: string | null }

/** The cart's totals and tax lines, as the shared totals table reads them. */
function totalsOf(c: any): TotalsCart {
  const taxLines = (lines: TaxLine[] | undefined) => (lines ?? []).map((l) => ({ name: l.name, rate: l.rate, code: l.code ?? null }))
  return {
    subtotal: c.subtotal,
    shipping_total: c.shipping_methods?.length ? c.shipping_total : undefined,
    tax_total: c.tax_total ?? 0,
    item_tax_total: c.item_tax_total,
    shipping_tax_total: c.shipping_tax_total,
    total: c.total,
    items: (c.items ?? []).map((i: any) => ({ includes_tax: Boolean(i.includes_tax), tax_lines: taxLines(i.tax_lines) })),
    shipping_methods: (c.shipping_methods ?? []).map((m: any) => ({ tax_lines: taxLines(m.tax_lines) })),
  }
}

export async function shareCart(): Promise<ActionResult<ShareCart | null>> {
  const cartId = cookies().get(SHARE_CART_COOKIE)?.value
  if (!cartId) return { ok: true, data: null }
  const res = await asCustomer<{ cart: any }>("GET", `/store/carts/${encodeURIComponent(cartId)}`)
  if (!res.ok) return res.status === 404 ? { ok: true, data: null } : res
  const c = res.data.cart
  if (c.completed_at) return { ok: true, data: null }
  return {
    ok: true,
    data: {
      id: c.id,
      currency_code: c.region.currency_code,
      countries: c.region.countries.map((x: any) => ({ iso_2: x.iso_2, display_name: x.display_name })),
      items: c.items.map((i: any) => ({ id: i.id, title: i.title, quantity: i.quantity, unit_price: i.unit_price, total: i.total ?? i.unit_price * i.quantity })),
      total: c.total,
      email: c.email,
      totals: totalsOf(c),
    },
  }
}

export type ShareCheckoutStart = { kind: "order"; id: string } | { kind: "card"; clientSecret: string; cartId: string }

/**
 * Address and payment session. Paying by card answers the intent's client secret for the
 * Payment Element (the order follows `completeShareOrder`); the manual provider (development)
 * places the order at once.
 */
export async function startShareCheckout(address: AddressInput): Promise<ActionResult<ShareCheckoutStart>> {
  const cartId = cookies().get(SHARE_CART_COOKIE)?.value
  if (!cartId) return rejected(400, "Your cart is empty: choose shares on an offering first.")
  const cart = await shareCart()
  if (!cart.ok) return cart
  if (!cart.data) return rejected(400, "Your cart is empty: choose shares on an offering first.")
  const problems = validateAddress(address, cart.data.countries.map((c) => c.iso_2))
  const first = Object.values(problems)[0]
  if (first) return rejected(400, first)
  const { email, phone, ...rest } = address
  const postal = { ...rest, phone: phone || undefined, province: rest.province || undefined }
  const path = `/store/carts/${encodeURIComponent(cartId)}`
  const updated = await asCustomer("POST", path, { email: email.trim(), shipping_address: postal, billing_address: postal })
  if (!updated.ok) return updated
  const sessions = await asCustomer<{ cart: any }>("POST", `${path}/payment-sessions`)
  if (!sessions.ok) return sessions
  const offered = (sessions.data.cart.payment_sessions ?? []).map((s: any) => s.provider_id)
  const provider = paymentProvider(offered, { stripeKey: process.env.NEXT_PUBLIC_STRIPE_KEY, production: process.env.NODE_ENV === "production" })
  if (!provider) return rejected(503, "Card payments are not available right now; please try again later.")
  const selected = await asCustomer<{ cart: any }>("POST", `${path}/payment-session`, { provider_id: provider })
  if (!selected.ok) return selected
  if (provider === "stripe") {
    const clientSecret = selected.data.cart.payment_session?.data?.client_secret
    if (!clientSecret) return rejected(502, "The card payment could not be prepared; please try again.")
    return { ok: true, data: { kind: "card", clientSecret, cartId } }
  }
  const placed = await completeShareOrder()
  return placed.ok ? { ok: true, data: { kind: "order", id: placed.data.id } } : placed
}

/** The order that reserves the shares: after the card was authorized, on the return from 3-D Secure, or at once (manual). */
export async function completeShareOrder(): Promise<ActionResult<{ id: string }>> {
  const cartId = cookies().get(SHARE_CART_COOKIE)?.value
  if (!cartId) return rejected(400, "Your cart is empty: choose shares on an offering first.")
  const completed = await asCustomer<{ type: string; data: any; payment_error?: { message: string } }>("POST", `/store/carts/${encodeURIComponent(cartId)}/complete`)
  if (!completed.ok) return completed
  if (completed.data.type !== "order") {
    return rejected(409, completed.data.payment_error?.message ?? "Your payment was not completed; please review your details and try again.")
  }
  cookies().set(SHARE_CART_COOKIE, "", cookieOptions(0))
  // Remaining shares just went down: the next visitor of an offering page must see it.
  revalidateTag("offerings")
  return { ok: true, data: { id: completed.data.data.id } }
}

/** The client secret of the cart's selected card payment, to show the card form again after a decline. */
export async function shareCardSecret(): Promise<string | null> {
  const cartId = cookies().get(SHARE_CART_COOKIE)?.value
  if (!cartId) return null
  const res = await asCustomer<{ cart: any }>("GET", `/store/carts/${encodeURIComponent(cartId)}`)
  const session = res.ok ? res.data.cart.payment_session : null
  return session?.provider_id === "stripe" ? (session.data?.client_secret ?? null) : null
}

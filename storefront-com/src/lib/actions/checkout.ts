"use server"

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { sessionClient, writeOrderAccess } from "@pva/storefront-core/session"

// The cart steps that depend on who is buying. Medusa ties a cart to the customer whose
// token comes with the call, so these go through the server, which holds the session.

const forBrowser = () => sessionClient(cookies(), headers())
const validId = (id: unknown) => typeof id === "string" && /^cart_[A-Za-z0-9]+$/.test(id)

/** A new cart in the region, already the signed-in customer's when there is one. */
export async function createCart(regionId: string): Promise<ActionResult<any>> {
  if (typeof regionId !== "string" || !regionId) return rejected(400, "Choose a region first.")
  return attempt(async () => (await forBrowser().client.carts.create({ region_id: regionId } as any)).cart)
}

type CheckoutDetails = { email: string; shipping_address: Record<string, unknown>; billing_address: Record<string, unknown> }

/** A signed-in customer's cart keeps their account (Medusa takes it from the token, not the email field). */
export async function saveCheckoutDetails(cartId: string, details: CheckoutDetails): Promise<ActionResult<any>> {
  if (!validId(cartId)) return rejected(400, "That is not a cart id.")
  if (typeof details?.email !== "string" || typeof details.shipping_address !== "object") return rejected(400, "Enter your email and address.")
  const body = { email: details.email.trim(), shipping_address: details.shipping_address, billing_address: details.billing_address ?? details.shipping_address }
  return attempt(async () => (await forBrowser().client.carts.update(cartId, body as any)).cart)
}

/**
 * Completes the cart. The browser keeps an httpOnly proof for this order so the
 * confirmation page can show it without the email ever going into a URL.
 */
export async function placeOrder(cartId: string): Promise<ActionResult<{ id: string }>> {
  if (!validId(cartId)) return rejected(400, "That is not a cart id.")
  const done = await attempt(async () => (await forBrowser().client.carts.complete(cartId)) as any)
  if (!done.ok) return done
  // The payments plugin says why a card payment did not go through (a decline, a 3-D Secure check waiting).
  if (done.data.type !== "order") return rejected(409, done.data.payment_error?.message ?? "Your payment was not completed; please review your details and try again.")
  const order = done.data.data
  writeOrderAccess(cookies(), { order_id: order.id, display_id: order.display_id, email: order.email })
  return { ok: true, data: { id: order.id } }
}

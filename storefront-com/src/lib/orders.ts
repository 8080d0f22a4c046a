import { cookies, headers } from "next/headers"
import { readOrderAccess, sessionClient } from "@pva/storefront-core/session"

/**
 * An order for the page being rendered: the signed-in customer's own, or the guest
 * order this browser proved (checkout or lookup) through its httpOnly access cookie.
 * Null for anyone else. Pages calling this are dynamic, so nothing is cached.
 */
export async function findOrder(orderId: string): Promise<any | null> {
  const { token, client } = sessionClient(cookies(), headers())
  if (token) {
    const own = await client.client.request("GET", `/store/orders/${encodeURIComponent(orderId)}`).then((r: any) => r.order, () => null)
    if (own) return own
  }
  const access = readOrderAccess(cookies())
  if (access?.order_id !== orderId) return null
  return client.client
    .request("POST", "/store/orders/lookup", { order_number: String(access.display_id), email: access.email })
    .then((r: any) => (r.order?.id === orderId ? r.order : null), () => null)
}

/** The email of the guest order this browser just placed, to offer an account with it. */
export function guestCheckoutEmail(): string {
  return readOrderAccess(cookies())?.email ?? ""
}

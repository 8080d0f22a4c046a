"use server"

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { clearOrderAccess, clearSession, clientAs, sessionClient, writeSession } from "@pva/storefront-core/session"

// Signing in and out. The JWT Medusa issues goes straight into the httpOnly session
// cookie; the page only ever learns who is signed in.

export type Carry = { cartId?: string | null; resultToken?: string | null }

const forBrowser = () => sessionClient(cookies(), headers())
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "")

/** The signed-in customer, or null; a token Medusa no longer accepts ends the session. */
export async function currentCustomer(): Promise<any | null> {
  const { token, client } = forBrowser()
  if (!token) return null
  try {
    return (await client.customers.retrieve()).customer
  } catch (err: any) {
    if (err?.response?.status === 401) clearSession(cookies())
    return null
  }
}

export async function login(email: string, password: string, carry: Carry = {}): Promise<ActionResult<any>> {
  if (!text(email) || typeof password !== "string" || !password) return rejected(400, "Enter your email and password.")
  return signIn(text(email), password, carry)
}

export async function register(
  input: { email: string; password: string; first_name: string; last_name: string },
  carry: Carry = {}
): Promise<ActionResult<any>> {
  const fields = { email: text(input?.email), password: input?.password, first_name: text(input?.first_name), last_name: text(input?.last_name) }
  if (!fields.email || !fields.first_name || !fields.last_name) return rejected(400, "Enter your name and email.")
  if (typeof fields.password !== "string" || fields.password.length < 8) return rejected(400, "Choose a password of at least 8 characters.")
  const created = await attempt(() => forBrowser().client.customers.create(fields as any))
  if (!created.ok) return created
  return signIn(fields.email, fields.password, carry)
}

/** Ends the session, and any guest order proof this browser held, for whoever uses it next. */
export async function logout(): Promise<void> {
  clearSession(cookies())
  clearOrderAccess(cookies())
}

async function signIn(email: string, password: string, carry: Carry): Promise<ActionResult<any>> {
  const { client } = forBrowser()
  const issued = await attempt(() => (client as any).auth.getToken({ email, password }) as Promise<{ access_token: string }>)
  if (!issued.ok) return issued.status === 401 ? rejected(401, "Wrong email or password.") : issued
  const token = issued.data.access_token
  writeSession(cookies(), token)
  const signed = clientAs(token, headers())
  const { customer } = await signed.customers.retrieve()
  // What the shopper did before signing in follows them: the quiz result and the cart.
  if (carry.resultToken) {
    await signed.client.request("POST", "/store/archetype/results/attach", { result_token: carry.resultToken }).catch(() => undefined)
  }
  if (carry.cartId) {
    await signed.carts.update(carry.cartId, { customer_id: customer.id, email: customer.email } as any).catch(() => undefined)
  }
  return { ok: true, data: customer }
}

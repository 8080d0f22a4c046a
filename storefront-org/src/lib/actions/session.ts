"use server"

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { clearOrderAccess, clearSession, clientAs, sessionClient, writeSession } from "@pva/storefront-core/session"

// The same account and the same httpOnly pva_session cookie as pvabazaar.com (storefront-core's
// session helpers); the JWT never reaches page JavaScript.

const text = (v: unknown) => (typeof v === "string" ? v.trim() : "")

export type SignedInCustomer = { id: string; email: string; first_name: string | null; last_name: string | null }

const view = (c: any): SignedInCustomer => ({ id: c.id, email: c.email, first_name: c.first_name, last_name: c.last_name })

/** The signed-in customer, or null; a token Medusa no longer accepts ends the session. */
export async function currentCustomer(): Promise<SignedInCustomer | null> {
  const { token, client } = sessionClient(cookies(), headers())
  if (!token) return null
  try {
    return view((await client.customers.retrieve()).customer)
  } catch (err: any) {
    if (err?.response?.status === 401) clearSession(cookies())
    return null
  }
}

export async function login(email: string, password: string): Promise<ActionResult<SignedInCustomer>> {
  if (!text(email) || typeof password !== "string" || !password) return rejected(400, "Enter your email and password.")
  const { client } = sessionClient(cookies(), headers())
  const issued = await attempt(() => (client as any).auth.getToken({ email: text(email), password }) as Promise<{ access_token: string }>)
  if (!issued.ok) return issued.status === 401 ? rejected(401, "Wrong email or password.") : issued
  writeSession(cookies(), issued.data.access_token)
  return attempt(async () => view((await clientAs(issued.data.access_token, headers()).customers.retrieve()).customer))
}

export async function logout(): Promise<void> {
  clearSession(cookies())
  clearOrderAccess(cookies())
}

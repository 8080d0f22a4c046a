"use server"

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { sessionClient } from "@pva/storefront-core/session"

// Everything scoped to the signed-in customer, called by the server with the token
// from the httpOnly session cookie.

const NOT_SIGNED_IN = rejected(401, "Log in to continue.")

function signedIn() {
  const session = sessionClient(cookies(), headers())
  return session.token ? session.client : null
}

export async function updateProfile(input: { first_name: string; last_name: string; phone?: string }): Promise<ActionResult<any>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  const body = { first_name: String(input?.first_name ?? ""), last_name: String(input?.last_name ?? ""), phone: input?.phone ? String(input.phone) : undefined }
  return attempt(async () => (await client.customers.update(body as any)).customer)
}

export async function addAddress(address: Record<string, string>): Promise<ActionResult<any>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  if (!address || typeof address !== "object") return rejected(400, "Enter an address.")
  return attempt(async () => (await client.customers.addresses.addAddress({ address } as any)).customer)
}

export async function deleteAddress(addressId: string): Promise<ActionResult<any>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  if (typeof addressId !== "string" || !addressId) return rejected(400, "Which address?")
  return attempt(async () => (await client.customers.addresses.deleteAddress(addressId)).customer)
}

export async function listOrders(): Promise<ActionResult<any[]>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  return attempt(async () => ((await client.customers.listOrders({ limit: 20 } as any)) as any).orders)
}

/** The customer's saved archetype, or null when they have none (or are signed out). */
export async function myArchetype(): Promise<any | null> {
  const client = signedIn()
  if (!client) return null
  return client.client.request("GET", "/store/archetype/me").then((r: any) => r.result ?? null, () => null)
}

/** Recommendations that know the customer: their saved archetype and what they bought. */
export async function recommendedForMe(query: string): Promise<ActionResult<any>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  const params = new URLSearchParams(typeof query === "string" ? query : "")
  const allowed = new URLSearchParams()
  for (const key of ["limit", "product_id", "archetype"]) if (params.has(key)) allowed.set(key, params.get(key)!)
  // medusa-js puts the raw HTTP response beside the data: only the data may reach the page.
  return attempt(async () => ({ recommendations: ((await client.client.request("GET", `/store/recommendations?${allowed}`)) as any).recommendations }))
}

/** Saves an anonymous quiz result to the signed-in customer. */
export async function attachArchetype(resultToken: string): Promise<ActionResult<null>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  if (typeof resultToken !== "string" || !resultToken) return rejected(400, "No quiz result to keep.")
  return attempt(async () => (await client.client.request("POST", "/store/archetype/results/attach", { result_token: resultToken }), null))
}

export async function emailVerified(): Promise<ActionResult<boolean>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  return attempt(async () => Boolean(((await client.client.request("GET", "/store/customers/me/email-verification")) as any).verified))
}

export async function resendVerification(): Promise<ActionResult<null>> {
  const client = signedIn()
  if (!client) return NOT_SIGNED_IN
  return attempt(async () => (await client.client.request("POST", "/store/customers/me/email-verification"), null))
}

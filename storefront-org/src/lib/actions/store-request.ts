import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { sessionClient } from "@pva/storefront-core/session"

export const SIGN_IN_FIRST = "Sign in first."

/** A store API call on behalf of the signed-in customer (their session cookie, their address). */
export async function asCustomer<T>(method: "GET" | "POST" | "DELETE", path: string, body?: Record<string, unknown>): Promise<ActionResult<T>> {
  const { token, client } = sessionClient(cookies(), headers())
  if (!token) return rejected(401, SIGN_IN_FIRST)
  return attempt(() => client.client.request(method, path, body) as Promise<T>)
}

/** The same call without a customer (public routes a signed-out visitor may use too). */
export async function asVisitor<T>(method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<ActionResult<T>> {
  return attempt(() => sessionClient({ get: () => undefined, set: () => undefined }, headers()).client.client.request(method, path, body) as Promise<T>)
}

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { sessionClient } from "@pva/storefront-core/session"

export const SIGN_IN_FIRST = "Sign in first."

/** A store API call on behalf of the signed-in customer (their session cookie, their address). */
export async function asCustomer<T>(method: "GET" | "POST" | "DELETE", path: string, body?: Record<string, unknown>): Promise<ActionResult<T>> {
  const { token, client } = sessionClient(cookies(), headers())
  if (!token) return rejected(401, SIGN_IN_FIRST)
  return attempt(async () => plain<T>(await client.client.request(method, path, body)))
}

/** The same call without a customer (public routes a signed-out visitor may use too). */
export async function asVisitor<T>(method: "GET" | "POST", path: string, body?: Record<string, unknown>): Promise<ActionResult<T>> {
  return attempt(async () => plain<T>(await sessionClient({ get: () => undefined, set: () => undefined }, headers()).client.client.request(method, path, body)))
}

/** medusa-js answers with the body plus the whole axios response; only the body may reach a page. */
function plain<T>(answer: any): T {
  if (!answer || typeof answer !== "object") return answer
  const { response: _response, ...body } = answer
  return body as T
}

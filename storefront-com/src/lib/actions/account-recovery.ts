"use server"

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { sessionClient } from "@pva/storefront-core/session"

// Links from emails: confirming an address and resetting a password. Neither needs a
// session; the emailed token is the proof, and it travels in a POST body, never a URL.

const client = () => sessionClient(cookies(), headers()).client
const text = (v: unknown) => (typeof v === "string" ? v.trim() : "")

export async function confirmEmail(token: string): Promise<ActionResult<null>> {
  if (!text(token)) return rejected(400, "This verification link is incomplete. Open the link from your email again.")
  return attempt(async () => (await client().client.request("POST", "/store/email-verification/confirm", { token: text(token) }), null))
}

/** Always answers the same, whether or not an account has that email. */
export async function requestPasswordReset(email: string): Promise<ActionResult<null>> {
  if (!/^[^\s@]+@[^\s@]+$/.test(text(email))) return rejected(400, "Enter the email address of your account.")
  return attempt(async () => (await client().customers.generatePasswordToken({ email: text(email) }), null))
}

export async function resetPassword(input: { email: string; token: string; password: string }): Promise<ActionResult<null>> {
  if (!text(input?.token)) return rejected(400, "This reset link is incomplete. Ask for a new one.")
  if (!text(input?.email)) return rejected(400, "Enter the email address of your account.")
  if (typeof input?.password !== "string" || input.password.length < 8) return rejected(400, "Choose a password of at least 8 characters.")
  const reset = await attempt(async () => (await client().customers.resetPassword({ email: text(input.email), token: text(input.token), password: input.password }), null))
  // Medusa answers a bad token with 401; the shopper needs to know what to do.
  if (!reset.ok && reset.status === 401) return rejected(400, "This reset link is invalid or has expired. Ask for a new one.")
  return reset
}

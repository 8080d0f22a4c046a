"use server"

import { cookies, headers } from "next/headers"
import { attempt, rejected, type ActionResult } from "@pva/storefront-core"
import { sessionClient, writeOrderAccess } from "@pva/storefront-core/session"

/** A guest finds their order by number and email; both travel only in POST bodies. */
export async function lookupOrder(orderNumber: string, email: string): Promise<ActionResult<{ id: string }>> {
  const number = typeof orderNumber === "string" ? orderNumber.trim().replace(/^#/, "") : ""
  const address = typeof email === "string" ? email.trim() : ""
  if (!/^(PVA-\d{8}-\d{6}|\d+)$/i.test(number)) return rejected(400, "Enter the order number from your confirmation email, like PVA-20260101-000123.")
  if (!/^[^\s@]+@[^\s@]+$/.test(address)) return rejected(400, "Enter the email address you ordered with.")
  const { client } = sessionClient(cookies(), headers())
  const found = await attempt(async () => ((await client.client.request("POST", "/store/orders/lookup", { order_number: number.toUpperCase(), email: address })) as any).order)
  if (!found.ok) return found
  writeOrderAccess(cookies(), { order_id: found.data.id, display_id: found.data.display_id, email: address })
  return { ok: true, data: { id: found.data.id } }
}

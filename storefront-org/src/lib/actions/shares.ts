"use server"

import { cookies } from "next/headers"
import { rejected, type ActionResult } from "@pva/storefront-core"
import { cookieOptions } from "@pva/storefront-core/session"
import type { Offering } from "../types"
import { asCustomer } from "./store-request"

const SHARE_CART_COOKIE = "pva_org_cart"

export type BuyOutcome = { next: "checkout"; cartId: string } | { next: "kyc" } | { next: "sign-in" }

/**
 * Puts `quantity` shares in a fresh .org cart of the signed-in collector. A collector who is
 * not KYC-approved is sent to the KYC page; every other refusal (more than remain, over the
 * cap, no eligible wallet) keeps the server's own message.
 */
export async function buyShares(offeringId: string, quantity: number): Promise<ActionResult<BuyOutcome>> {
  if (!Number.isInteger(quantity) || quantity < 1) return rejected(400, "Enter a whole number of shares, at least 1.")
  const kyc = await asCustomer<{ kyc: { status: string } }>("GET", "/store/customers/me/kyc")
  if (!kyc.ok) return kyc.status === 401 ? { ok: true, data: { next: "sign-in" } } : kyc
  if (kyc.data.kyc.status !== "approved") return { ok: true, data: { next: "kyc" } }
  const found = await asCustomer<{ offering: Offering }>("GET", `/store/offerings/${encodeURIComponent(offeringId)}`)
  if (!found.ok) return found
  const { offering } = found.data
  if (!offering.variant_id || offering.status !== "open") return rejected(400, "This offering is not open for purchases.")
  if (quantity > offering.remaining) return rejected(400, `Only ${offering.remaining} shares are left.`)
  const regions = await asCustomer<{ regions: { id: string; currency_code: string }[] }>("GET", "/store/regions")
  if (!regions.ok) return regions
  const region = regions.data.regions.find((r) => r.currency_code === "usd") ?? regions.data.regions[0]
  const created = await asCustomer<{ cart: { id: string } }>("POST", "/store/carts", { region_id: region.id })
  if (!created.ok) return created
  const cartId = created.data.cart.id
  const added = await asCustomer("POST", `/store/carts/${cartId}/line-items`, { variant_id: offering.variant_id, quantity })
  if (!added.ok) return added
  cookies().set(SHARE_CART_COOKIE, cartId, cookieOptions(24 * 3600))
  return { ok: true, data: { next: "checkout", cartId } }
}

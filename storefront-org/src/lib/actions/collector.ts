"use server"

import { rejected, type ActionResult } from "@pva/storefront-core"
import type { KycStatus, Offering, OwnedTwin, Portfolio } from "../types"
import { asCustomer } from "./store-request"

// The signed-in collector's own data, asked for by the browser after a page has loaded:
// none of it is ever part of cached HTML.

export type Position = { signedIn: boolean; kyc: KycStatus | null; yourCap: number | null; remaining: number }

export async function offeringPosition(offeringId: string): Promise<ActionResult<Position>> {
  if (typeof offeringId !== "string" || !offeringId) return rejected(400, "Which offering?")
  const offering = await asCustomer<{ offering: Offering }>("GET", `/store/offerings/${encodeURIComponent(offeringId)}`)
  if (!offering.ok && offering.status === 401) return { ok: true, data: { signedIn: false, kyc: null, yourCap: null, remaining: 0 } }
  if (!offering.ok) return offering
  const kyc = await kycStatus()
  if (!kyc.ok) return kyc
  return { ok: true, data: { signedIn: true, kyc: kyc.data.status, yourCap: offering.data.offering.your_cap, remaining: offering.data.offering.remaining } }
}

export type Kyc = {
  status: KycStatus
  application: { id: string; status: string; legal_name: string; country_code: string; date_of_birth: string; created_at: string } | null
  decisions: { decision: string; note: string | null; created_at: string }[]
}

export async function kycStatus(): Promise<ActionResult<Kyc>> {
  const res = await asCustomer<{ kyc: Kyc }>("GET", "/store/customers/me/kyc")
  return res.ok ? { ok: true, data: res.data.kyc } : res
}

export async function applyForKyc(input: { legal_name: string; country_code: string; date_of_birth: string }): Promise<ActionResult<Kyc>> {
  const legal_name = typeof input?.legal_name === "string" ? input.legal_name.trim() : ""
  const country_code = typeof input?.country_code === "string" ? input.country_code.trim().toUpperCase() : ""
  const date_of_birth = typeof input?.date_of_birth === "string" ? input.date_of_birth.trim() : ""
  if (!legal_name) return rejected(400, "Enter your full legal name.")
  if (!/^[A-Z]{2}$/.test(country_code)) return rejected(400, "Choose your country.")
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date_of_birth)) return rejected(400, "Enter your date of birth.")
  const res = await asCustomer<{ kyc: Kyc }>("POST", "/store/customers/me/kyc", { legal_name, country_code, date_of_birth })
  return res.ok ? { ok: true, data: res.data.kyc } : res
}

export async function portfolio(): Promise<ActionResult<Portfolio>> {
  const res = await asCustomer<{ portfolio: Portfolio }>("GET", "/store/customers/me/portfolio")
  return res.ok ? { ok: true, data: res.data.portfolio } : res
}

export type LinkedWallet = { address: string; chain_id: number; created_at?: string }

export async function linkedWallets(): Promise<ActionResult<LinkedWallet[]>> {
  const res = await asCustomer<{ wallets: LinkedWallet[] }>("GET", "/store/customers/me/wallets")
  return res.ok ? { ok: true, data: res.data.wallets } : res
}

export async function unlinkWallet(address: string): Promise<ActionResult<null>> {
  if (typeof address !== "string" || !/^0x[0-9a-fA-F]{40}$/.test(address)) return rejected(400, "That is not a wallet address.")
  const res = await asCustomer("DELETE", `/store/customers/me/wallets/${address}`)
  return res.ok ? { ok: true, data: null } : res
}

export async function myTwins(): Promise<ActionResult<OwnedTwin[]>> {
  const res = await asCustomer<{ twins: OwnedTwin[] }>("GET", "/store/customers/me/twins?limit=100")
  return res.ok ? { ok: true, data: res.data.twins } : res
}

export type OrderRow = { id: string; display_id: number; pva_number?: string; created_at: string; total: number; currency_code: string; status: string }

export async function myOrders(): Promise<ActionResult<OrderRow[]>> {
  const res = await asCustomer<{ orders: any[] }>("GET", "/store/customers/me/orders?limit=50&offset=0")
  if (!res.ok) return res
  return {
    ok: true,
    data: res.data.orders.map((o) => ({ id: o.id, display_id: o.display_id, pva_number: o.pva_number ?? o.metadata?.pva_number, created_at: o.created_at, total: o.total, currency_code: o.currency_code, status: o.status })),
  }
}

export type OrderShares = { order: { id: string; display_id: number; pva_number: string | null }; lines: { offering_id: string; title: string; quantity: number; pending: number; confirmed: number }[] }

/** The shares an order of the signed-in collector bought, next to what is pending and confirmed now. */
export async function orderShares(orderId: string): Promise<ActionResult<OrderShares>> {
  if (typeof orderId !== "string" || !/^order_[A-Za-z0-9]+$/.test(orderId)) return rejected(400, "That is not an order id.")
  const [order, offerings, held] = await Promise.all([
    asCustomer<{ order: any }>("GET", `/store/orders/${orderId}`),
    asCustomer<{ offerings: Offering[] }>("GET", "/store/offerings"),
    portfolio(),
  ])
  if (!order.ok) return order
  if (!offerings.ok) return offerings
  if (!held.ok) return held
  const o = order.data.order
  const lines = (o.items as any[]).flatMap((item) => {
    const offering = offerings.data.offerings.find((x) => x.variant_id === item.variant_id)
    if (!offering) return []
    const position = held.data.positions.find((p) => p.offering_id === offering.id)
    return [{ offering_id: offering.id, title: offering.title, quantity: item.quantity, pending: position?.pending_shares ?? 0, confirmed: position?.confirmed_shares ?? 0 }]
  })
  return { ok: true, data: { order: { id: o.id, display_id: o.display_id, pva_number: o.pva_number ?? null }, lines } }
}

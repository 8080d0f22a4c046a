"use server"

import { revalidateTag } from "next/cache"
import { rejected, type ActionResult } from "@pva/storefront-core"
import type { OwnedTwin, Twin } from "../types"
import { asCustomer, asVisitor } from "./store-request"

/** A single-use nonce for the next Sign-In with Ethereum message. */
export async function walletNonce(): Promise<ActionResult<{ nonce: string; expires_at: string }>> {
  return asVisitor("POST", "/store/wallet/nonce")
}

/** Links the wallet that signed `message` to the signed-in customer (idempotent for their own wallet). */
export async function linkWallet(message: string, signature: string): Promise<ActionResult<{ address: string; chain_id: number }>> {
  if (typeof message !== "string" || typeof signature !== "string") return rejected(400, "Sign the message with your wallet first.")
  const res = await asCustomer<{ wallet: { address: string; chain_id: number } }>("POST", "/store/customers/me/wallets", { message, signature })
  return res.ok ? { ok: true, data: res.data.wallet } : res
}

export type Voucher = {
  chain_id: number
  contract_address: string
  voucher: { to: string; tokenId: string; metadataDigest: string; deadline: string }
  signature: string
}

export type ClaimResult = { twin: OwnedTwin; mode: "self" | "relay"; claim: Voucher | null }

export async function claimTwin(code: string, wallet: string, mode: "self" | "relay"): Promise<ActionResult<ClaimResult>> {
  const cleaned = typeof code === "string" ? code.trim().replace(/[\s-]/g, "").toUpperCase() : ""
  if (!cleaned) return rejected(400, "Enter the claim code from your email.")
  if (mode !== "self" && mode !== "relay") return rejected(400, "Choose how to mint the twin.")
  return asCustomer<ClaimResult>("POST", "/store/twins/claim", { code: cleaned, wallet, mode })
}

/** Where a twin stands now, straight from the server (not from a cached page). */
export async function twinStatus(tokenId: string): Promise<ActionResult<Twin>> {
  if (typeof tokenId !== "string" || !/^\d{1,78}$/.test(tokenId)) return rejected(400, "That is not a token id.")
  const res = await asVisitor<{ twin: Twin }>("GET", `/store/twins/${tokenId}`)
  if (!res.ok) return res
  // The collector is about to open the artifact page: it must not show the cached, unminted twin.
  if (res.data.twin.status === "minted") revalidateTag("twins")
  return { ok: true, data: res.data.twin }
}

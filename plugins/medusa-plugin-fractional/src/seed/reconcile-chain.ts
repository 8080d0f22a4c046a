// Dev start: the local chain starts empty every time while Postgres keeps the store. This
// brings the chain back in line with the store: offerings re-created under their ids,
// approved customers' wallets eligible again, confirmed holdings re-minted, and mints that
// were in flight sent again. The mirror of the old chain is dropped; chain sync rebuilds it.
import type { Address } from "viem"
import { sharesChainConfig } from "../lib/chain-config"
import { createOfferingArgs, sharesChain } from "../lib/shares-chain"
import type KycService from "../services/kyc"
import type ShareReservationService from "../services/share-reservation"
import { forgetAllHoldings } from "../db/share-holding"

export type Reconciliation = { chain: "unreachable" | "in_step" | "reset"; offerings: number; minted: number; eligible: number }

/**
 * Whether the shares contract can be reached. Under `npm run dev` the deployment file appears
 * a moment after the chain answers, so with a configured chain this waits for it.
 */
export async function chainReachable(env: NodeJS.ProcessEnv = process.env, waitMs = 60_000): Promise<boolean> {
  const configured = Boolean(env.CHAIN_RPC_URL || env.CHAIN_RPC_URLS)
  const deadline = Date.now() + (configured ? waitMs : 0)
  for (;;) {
    try {
      const chain = sharesChain(sharesChainConfig(env))
      void chain.address // throws without a deployment file
      await Promise.race([chain.publicClient.getChainId(), new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), 3000))])
      return true
    } catch {
      if (Date.now() > deadline) return false
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

export async function reconcileFractionalChain(container: any): Promise<Reconciliation> {
  if (!(await chainReachable())) return { chain: "unreachable", offerings: 0, minted: 0, eligible: 0 }
  const chain = sharesChain(sharesChainConfig())
  const manager = container.resolve("manager")
  const offerings: Array<{ id: string; chain_offering_id: string; twin_token_id: string | null; total_shares: number; lockup_until: Date | null }> = await manager.query(
    `SELECT id, chain_offering_id, twin_token_id, total_shares, lockup_until FROM fractional_offering WHERE chain_offering_id IS NOT NULL AND status <> 'draft' ORDER BY chain_offering_id`
  )
  const missing = []
  for (const o of offerings) if ((await chain.maxShares(BigInt(o.chain_offering_id))) === 0n) missing.push(o)
  const result: Reconciliation = { chain: missing.length ? "reset" : "in_step", offerings: missing.length, minted: 0, eligible: 0 }

  if (missing.length) {
    await forgetAllHoldings(manager)
    for (const o of missing) {
      await chain.sendAndConfirm("issuer", "createOffering", createOfferingArgs(o))
    }
  }

  const kyc: KycService = container.resolve("kycService")
  const approved: Array<{ customer_id: string }> = await manager.query(
    `SELECT DISTINCT ON (customer_id) customer_id, status FROM fractional_kyc_application ORDER BY customer_id, created_at DESC`
  ).then((rows: any[]) => rows.filter((r) => r.status === "approved"))
  for (const { customer_id } of approved) {
    result.eligible += (await kyc.syncEligibility(customer_id)).filter((r) => r.tx_hash).length
  }

  if (missing.length) {
    const ids = missing.map((o) => o.id)
    const held: Array<{ chain_offering_id: string; wallet: Address; shares: number }> = await manager.query(
      `SELECT o.chain_offering_id, r.wallet, sum(r.quantity)::int AS shares FROM fractional_share_reservation r
         JOIN fractional_offering o ON o.id = r.offering_id
        WHERE r.status = 'confirmed' AND o.id = ANY($1::text[]) GROUP BY 1, 2`,
      [ids]
    )
    for (const h of held) {
      const onChain = Number(await chain.balanceOf(h.wallet, BigInt(h.chain_offering_id)))
      if (onChain < h.shares) {
        await chain.sendAndConfirm("minter", "mintShares", [h.wallet, BigInt(h.chain_offering_id), BigInt(h.shares - onChain)])
        result.minted += h.shares - onChain
      }
    }
    // Mints sent to the old chain never happened on this one: send them again.
    const inFlight: Array<{ order_id: string }> = await manager.query(
      `UPDATE fractional_share_reservation SET status = 'reserved', mint_tx_hash = NULL, updated_at = now()
        WHERE status = 'minting' AND offering_id = ANY($1::text[]) RETURNING order_id`,
      [ids]
    )
    const reservations: ShareReservationService = container.resolve("shareReservationService")
    for (const orderId of new Set((Array.isArray(inFlight[0]) ? (inFlight as any)[0] : inFlight).map((r: any) => r.order_id).filter(Boolean))) {
      await reservations.mintOrder(orderId as string)
    }
  }
  return result
}

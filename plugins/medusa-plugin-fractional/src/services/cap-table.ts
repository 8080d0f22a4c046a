import { FractionalService } from "../lib/fractional-service"
import { MedusaError } from "medusa-core-utils"
import type { Address } from "viem"
import { Offering } from "../models/offering"
import type KycService from "./kyc"
import type OfferingService from "./offering"
import type ShareHoldingService from "./share-holding"
import type SharePurchaseRulesService from "./share-purchase-rules"

/**
 * Whether holders of the offering cannot transfer yet: the contract refuses holder-to-holder
 * transfers before the lock-up date (buying, a mint, is not a transfer and stays open).
 */
export function transfersLocked(o: Pick<Offering, "lockup_until">, now: Date = new Date()): boolean {
  return o.lockup_until !== null && new Date(o.lockup_until).getTime() > now.getTime()
}

/**
 * Public facts of an offering, plus the asking customer's room under the cap (`capUsed`: what
 * they bought, hold and have pending, as the cap counts it). No personal data.
 */
export function storeOfferingView(o: Offering, capUsed?: number) {
  return {
    id: o.id,
    title: o.title,
    status: o.status,
    product_id: o.product_id,
    variant_id: o.variant_id,
    artifact_product_id: o.artifact_product_id,
    twin_token_id: o.twin_token_id,
    chain_offering_id: o.chain_offering_id,
    prices: { usd: o.price_usd, eur: o.price_eur },
    total_shares: o.total_shares,
    sold: o.sold,
    remaining: o.total_shares - o.sold - o.reserved,
    investor_cap: o.investor_cap,
    your_cap:
      capUsed === undefined ? null : Math.max(0, Math.min(o.investor_cap ?? o.total_shares, o.total_shares) - capUsed),
    lockup_until: o.lockup_until,
    transfers_locked: transfersLocked(o),
  }
}

/**
 * Who holds what: the cap table per offering (chain-synced balances matched to customers,
 * with every disagreement between store and chain shown) and each customer's portfolio.
 */
class CapTableService extends FractionalService {
  private get offerings(): OfferingService {
    return this.container.offeringService
  }
  private get holdings(): ShareHoldingService {
    return this.container.shareHoldingService
  }
  private get kyc(): KycService {
    return this.container.kycService
  }
  private get rules(): SharePurchaseRulesService {
    return this.container.sharePurchaseRulesService
  }

  async listForStore(customerId?: string) {
    const offerings = (await this.offerings.list()).filter((o) => o.status !== "draft")
    return Promise.all(offerings.map(async (o) => storeOfferingView(o, customerId ? (await this.rules.capUsedBy(customerId, o.id)).total : undefined)))
  }

  async retrieveForStore(id: string, customerId?: string) {
    const offering = await this.offerings.retrieve(id)
    if (offering.status === "draft") throw new MedusaError(MedusaError.Types.NOT_FOUND, `No offering ${id}`)
    return storeOfferingView(offering, customerId ? (await this.rules.capUsedBy(customerId, offering.id)).total : undefined)
  }

  async portfolio(customerId: string) {
    const offerings = (await this.offerings.list()).filter((o) => o.status !== "draft")
    const positions = []
    for (const offering of offerings) {
      const { confirmed, pending } = await this.rules.positionOf(customerId, offering.id)
      if (!confirmed && !pending) continue
      positions.push({
        offering_id: offering.id,
        chain_offering_id: offering.chain_offering_id,
        title: offering.title,
        price_per_share: { usd: offering.price_usd, eur: offering.price_eur },
        confirmed_shares: confirmed,
        pending_shares: pending,
        value: { usd: confirmed * offering.price_usd, eur: confirmed * offering.price_eur },
        lockup_until: offering.lockup_until,
        transfers_locked: transfersLocked(offering),
      })
    }
    const total = positions.reduce((t, p) => ({ usd: t.usd + p.value.usd, eur: t.eur + p.value.eur }), { usd: 0, eur: 0 })
    return { positions, total_value: total }
  }

  /**
   * Holders from the chain-synced mirror, matched to customers by linked wallet, next to what
   * the store recorded (confirmed reservations) and the chain's own totalSupply. Differences
   * are listed, never corrected here.
   */
  async capTable(offeringId: string) {
    const offering = await this.offerings.retrieve(offeringId)
    if (!offering.chain_offering_id) {
      return { offering_id: offering.id, chain_offering_id: null, holders: [], total_supply_on_chain: null, sold_in_store: offering.sold, differences: [] }
    }
    const holders = await this.holdings.holdersOf(offering.chain_offering_id)
    const rows = await Promise.all(
      holders.map(async (h) => {
        const customerId = await this.kyc.wallets.customerOf(h.wallet as Address)
        return { wallet: h.wallet, customer_id: customerId, shares: h.balance, percent: Math.round((h.balance / offering.total_shares) * 10_000) / 100 }
      })
    )
    if (rows.length) {
      const emails = await this.activeManager_.query(`SELECT id, email FROM customer WHERE id = ANY($1::text[])`, [rows.map((r) => r.customer_id).filter(Boolean)])
      const byId = new Map<string, string>(emails.map((e: any) => [e.id, e.email]))
      for (const row of rows as any[]) row.customer_email = row.customer_id ? byId.get(row.customer_id) ?? null : null
    }
    let totalSupply: number | null = null
    try {
      totalSupply = Number(await this.offerings.chain.totalSupply(BigInt(offering.chain_offering_id)))
    } catch {
      totalSupply = null
    }
    const mirrored = holders.reduce((sum, h) => sum + h.balance, 0)
    const differences: string[] = []
    if (totalSupply !== null && totalSupply !== mirrored) differences.push(`chain totalSupply is ${totalSupply}; chain sync has seen ${mirrored} (catching up, or a log was missed)`)
    if (totalSupply !== null && totalSupply !== offering.sold) differences.push(`the store sold ${offering.sold} shares; the chain has minted ${totalSupply}`)
    for (const h of holders) {
      const onChain = await this.offerings.chain.balanceOf(h.wallet, BigInt(offering.chain_offering_id)).then(Number, () => null)
      if (onChain !== null && onChain !== h.balance) differences.push(`${h.wallet} holds ${onChain} on chain; the store's mirror says ${h.balance}`)
    }
    return {
      offering_id: offering.id,
      chain_offering_id: offering.chain_offering_id,
      total_shares: offering.total_shares,
      sold_in_store: offering.sold,
      reserved_in_store: offering.reserved,
      total_supply_on_chain: totalSupply,
      holders: rows,
      differences,
    }
  }
}

export default CapTableService

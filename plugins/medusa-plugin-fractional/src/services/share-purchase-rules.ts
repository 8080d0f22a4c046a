import { FractionalService } from "../lib/fractional-service"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import type { Address } from "viem"
import type KycService from "./kyc"

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

type OfferingRow = { id: string; title: string; status: string; investor_cap: number | null; chain_offering_id: string | null; variant_id: string | null }

/**
 * Who may buy how many shares: an open offering, a signed-in customer with approved KYC,
 * a linked wallet that is eligible on chain, and the per-investor cap counted over confirmed
 * holdings, pending reservations and the cart. Checked when a line is added or changed and
 * again inside the checkout, where the reservation is made.
 */
class SharePurchaseRulesService extends FractionalService {
  private kyc(manager?: EntityManager): KycService {
    const kyc: KycService = this.container.kycService
    return manager ? kyc.withTransaction(manager) : kyc
  }

  /** Shares the customer's wallets hold on chain (as chain sync reports) and has pending, per offering. */
  async positionOf(customerId: string, offeringId: string, manager: EntityManager = this.activeManager_) {
    const wallets = (await this.kyc(manager).wallets.walletsOf(customerId)).map((w) => w.toLowerCase())
    const [row] = await manager.query(
      `SELECT
         COALESCE((SELECT sum(h.balance) FROM fractional_share_holding h
                    WHERE h.chain_offering_id = o.chain_offering_id AND h.wallet = ANY($3::text[])), 0)::int AS confirmed,
         COALESCE((SELECT sum(r.quantity) FROM fractional_share_reservation r
                    WHERE r.offering_id = o.id AND r.customer_id = $2 AND r.status IN ('reserved', 'minting')), 0)::int AS pending
       FROM fractional_offering o WHERE o.id = $1`,
      [offeringId, customerId, wallets]
    )
    return { confirmed: row?.confirmed ?? 0, pending: row?.pending ?? 0 }
  }

  /**
   * Throws a 4xx saying what is wrong, or answers the wallet the shares will go to.
   * `quantity` is what the cart (or the line being completed) adds on top of holdings and pending.
   */
  async checkBuyer(
    offering: OfferingRow,
    customerId: string | null | undefined,
    opts: { quantity: number; manager?: EntityManager; cartId?: string; preferredWallet?: string }
  ): Promise<Address> {
    const manager = opts.manager ?? this.activeManager_
    if (!Number.isInteger(opts.quantity) || opts.quantity < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Shares are bought whole: quantity must be a whole number of at least 1, got ${opts.quantity}`)
    }
    if (offering.status !== "open") {
      throw notAllowed(`${offering.title} is ${offering.status === "draft" ? "not open yet" : offering.status.replace("_", " ")}: its shares are not for sale`)
    }
    if (!customerId) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in to buy shares: shares are sold to KYC-approved account holders only")
    const [customer] = await manager.query(`SELECT has_account FROM customer WHERE id = $1`, [customerId])
    if (!customer?.has_account) throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Log in to buy shares: shares are sold to KYC-approved account holders only")
    const kyc = this.kyc(opts.manager)
    const status = await kyc.statusOf(customerId)
    if (status !== "approved") {
      throw notAllowed(
        status === "required"
          ? "Buying shares needs KYC approval: submit your application first"
          : `Buying shares needs KYC approval; your application is ${status}`
      )
    }
    const wallet = await kyc.eligibleWallet(customerId, opts.preferredWallet)
    if (!wallet) {
      throw notAllowed(
        opts.preferredWallet
          ? `Wallet ${opts.preferredWallet} is not one of your linked wallets eligible to hold shares`
          : "None of your linked wallets is eligible to hold shares on chain yet: link a wallet (it becomes eligible with your approval)"
      )
    }
    if (offering.investor_cap) {
      // One check at a time per customer and offering, so two carts cannot both pass the cap.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('fractional_cap:' || $1 || ':' || $2))`, [customerId, offering.id])
      const { confirmed, pending } = await this.positionOf(customerId, offering.id, manager)
      if (confirmed + pending + opts.quantity > offering.investor_cap) {
        throw notAllowed(
          `${offering.title} allows at most ${offering.investor_cap} shares per investor: you hold ${confirmed}, ` +
            `have ${pending} pending and this would add ${opts.quantity}`
        )
      }
    }
    return wallet
  }
}

export default SharePurchaseRulesService

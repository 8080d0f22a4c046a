import { FractionalService } from "../lib/fractional-service"
import { offeringStatusWords } from "../lib/insufficient-shares"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import type { Address } from "viem"
import type KycService from "./kyc"
import { rememberWallets as rememberWalletsOf } from "../db/customer-wallet"

const notAllowed = (message: string) => new MedusaError(MedusaError.Types.NOT_ALLOWED, message)

type OfferingRow = { id: string; title: string; status: string; investor_cap: number | null; chain_offering_id: string | null; variant_id: string | null }

/**
 * Who may buy how many shares: an open offering, a signed-in customer with approved KYC,
 * a linked wallet that is eligible on chain, and the per-investor cap counted over everything
 * the customer bought or holds (any wallet, linked now or before), pending reservations and
 * the whole cart. Checked on every route that adds or changes lines and again inside the
 * checkout, where the reservation is made.
 */
class SharePurchaseRulesService extends FractionalService {
  private kyc(manager?: EntityManager): KycService {
    const kyc: KycService = this.container.kycService
    return manager ? kyc.withTransaction(manager) : kyc
  }

  /** Shares the customer's wallets hold on chain (as chain sync reports) and has pending, per offering: the portfolio's view. */
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
   * What counts toward the customer's cap of an offering, whatever wallet it went to: every
   * share bought in the store and not given back (confirmed, minting or reserved), plus shares
   * held beyond those purchases in any wallet the customer has linked, now or before (received
   * by transfer or minted outside the store). So unlinking a wallet frees nothing.
   * `excludeCartId`: the cart being judged, whose own lines the caller counts.
   */
  async capUsedBy(customerId: string, offeringId: string, opts: { manager?: EntityManager; excludeCartId?: string } = {}) {
    const manager = opts.manager ?? this.activeManager_
    const linked = (await this.kyc(manager).wallets.walletsOf(customerId)).map((w) => w.toLowerCase())
    const [row] = await manager.query(
      `WITH wallets AS (
         SELECT unnest($3::text[]) AS wallet
         UNION SELECT wallet FROM fractional_customer_wallet WHERE customer_id = $2
       ), bought AS (
         SELECT lower(r.wallet) AS wallet, r.status, r.quantity FROM fractional_share_reservation r
          WHERE r.offering_id = $1 AND r.customer_id = $2 AND r.status <> 'released' AND r.cart_id IS DISTINCT FROM $4
       )
       SELECT
         COALESCE((SELECT sum(quantity) FROM bought WHERE status = 'confirmed'), 0)::int AS bought,
         COALESCE((SELECT sum(quantity) FROM bought WHERE status <> 'confirmed'), 0)::int AS pending,
         COALESCE((SELECT sum(GREATEST(h.balance - COALESCE((SELECT sum(b.quantity) FROM bought b WHERE b.status = 'confirmed' AND b.wallet = h.wallet), 0), 0))
                     FROM fractional_share_holding h JOIN fractional_offering o ON o.chain_offering_id = h.chain_offering_id
                    WHERE o.id = $1 AND h.wallet IN (SELECT wallet FROM wallets)), 0)::int AS held_besides`,
      [offeringId, customerId, linked, opts.excludeCartId ?? null]
    )
    const held = (row?.bought ?? 0) + (row?.held_besides ?? 0)
    const pending = row?.pending ?? 0
    return { held, pending, total: held + pending }
  }

  /** Remembers the customer's linked wallets, so shares in a wallet unlinked later still count toward their cap. */
  async rememberWallets(customerId: string, wallets: string[], manager: EntityManager = this.activeManager_) {
    if (!wallets.length) return
    await rememberWalletsOf(manager, customerId, wallets.map((w) => w.toLowerCase()))
  }

  /**
   * Throws a 4xx saying what is wrong, or answers the wallet the shares will go to.
   * `quantity` is all the cart holds of the offering (every line), on top of what the customer
   * bought or holds already; `cartId` is that cart, so its own reservations are not counted twice.
   */
  async checkBuyer(
    offering: OfferingRow,
    customerId: string | null | undefined,
    opts: { quantity: number; manager?: EntityManager; cartId?: string | null; preferredWallet?: string }
  ): Promise<Address> {
    const manager = opts.manager ?? this.activeManager_
    if (!Number.isInteger(opts.quantity) || opts.quantity < 1) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Shares are bought whole: quantity must be a whole number of at least 1, got ${opts.quantity}`)
    }
    if (offering.status !== "open") {
      throw notAllowed(`${offering.title} is ${offeringStatusWords(offering.status)}: its shares are not for sale`)
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
      // One check at a time per customer and offering, so two carts cannot both pass the cap:
      // inside a checkout the lock is held until it commits its reservation.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('fractional_cap:' || $1 || ':' || $2))`, [customerId, offering.id])
      await this.rememberWallets(customerId, await kyc.wallets.walletsOf(customerId), manager)
      const { held, pending } = await this.capUsedBy(customerId, offering.id, { manager, excludeCartId: opts.cartId ?? undefined })
      if (held + pending + opts.quantity > offering.investor_cap) {
        throw notAllowed(
          `${offering.title} allows at most ${offering.investor_cap} shares per investor: you have bought or hold ${held}, ` +
            `have ${pending} pending and this cart would add ${opts.quantity}`
        )
      }
    }
    return wallet
  }
}

export default SharePurchaseRulesService

import { FractionalService } from "../lib/fractional-service"
import { insufficientShares as insufficient, notForSale } from "../lib/insufficient-shares"
import type { EntityManager } from "typeorm"
import { getAddress, type Hash } from "viem"
import { ChainCallError } from "../lib/shares-chain"
import { rowsOf } from "@pva/medusa-kit"
import { ShareReservation } from "../models/share-reservation"
import { availabilityOf, cartHasShareLines, chainOfferingIdOf, offeringOfVariant, releaseShares, reserveShares, settleSold } from "../db/offering"
import type KycService from "./kyc"
import type SharePurchaseRulesService from "./share-purchase-rules"

/** What the server's inventory service hands back for a share line, so a failed checkout undoes it. */
export type ShareHold = { variantId: string; quantity: number; restockable: true; manager: EntityManager; undo: () => Promise<void> }

/** Payment states in which an order's shares are minted. */
const PAID = ["captured", "partially_refunded"]

/**
 * Shares from cart completion to the chain: one guarded UPDATE reserves them inside the
 * checkout's transaction (`sold + reserved <= total_shares` is also a CHECK), the order's
 * mint goes out with the MINTER key keyed by the order line, chain sync's confirmation
 * turns the reservation into sold shares, and a failed mint releases them and refunds.
 */
class ShareReservationService extends FractionalService {
  private get kyc(): KycService {
    return this.container.kycService
  }

  private get rules(): SharePurchaseRulesService {
    return this.container.sharePurchaseRulesService
  }

  /**
   * Called by the checkout for every line: holds `quantity` shares when `variantId` is an
   * offering's, else answers null. Runs in the checkout's transaction (`activeManager_`).
   */
  async reserveForLine(variantId: string, quantity: number, lineItemId: string): Promise<ShareHold | null> {
    const manager = this.activeManager_
    const offering = await offeringOfVariant(manager, variantId)
    if (!offering) return null
    // The cart was built while the offering was open: one that sold out or closed since is a
    // conflict with its state (409), as too few shares left is, not a bad request.
    if (offering.status !== "open") throw notForSale(offering.title, offering.status)
    const [line] = await manager.query(
      `SELECT li.cart_id, c.customer_id, c.metadata FROM line_item li JOIN cart c ON c.id = li.cart_id WHERE li.id = $1`,
      [lineItemId]
    )
    const customerId: string | null = line?.customer_id ?? null
    // Medusa reserves a cart's lines in parallel: each line judges the cap over all the cart's
    // lines of this offering (and leaves out reservations this cart's other lines just made),
    // so shares spread over several lines pass or fail together.
    const [inCart] = await manager.query(
      `SELECT COALESCE(sum(quantity), 0)::int AS quantity FROM line_item WHERE cart_id = $1 AND variant_id = $2`,
      [line?.cart_id ?? null, variantId]
    )
    const wallet = await this.rules.checkBuyer(offering, customerId, {
      manager,
      cartId: line?.cart_id,
      quantity: Math.max(quantity, inCart?.quantity ?? 0),
      preferredWallet: line?.metadata?.share_wallet,
    })

    if (!(await reserveShares(manager, offering.id, quantity))) {
      const now = await availabilityOf(manager, offering.id)
      if (now.status !== "open") throw notForSale(offering.title, now.status)
      throw insufficient(`Only ${now.remaining} shares of ${offering.title} are left; you asked for ${quantity}`)
    }
    const repo = manager.getRepository(ShareReservation)
    const reservation = await repo.save(
      repo.create({ offering_id: offering.id, line_item_id: lineItemId, cart_id: line.cart_id, customer_id: customerId!, wallet, quantity, status: "reserved" })
    )
    return {
      variantId,
      quantity,
      restockable: true,
      manager,
      undo: async () => {
        await this.releaseIn(manager, reservation.id, "checkout failed")
      },
    }
  }

  /** Gives a reservation's shares back (once: a released reservation is never released again). */
  private async releaseIn(manager: EntityManager, reservationId: string, reason: string): Promise<boolean> {
    const [released] = rowsOf<{ offering_id: string; quantity: number }>(
      await manager.query(
        `UPDATE fractional_share_reservation SET status = 'released', error = $2, updated_at = now()
          WHERE id = $1 AND status IN ('reserved', 'minting') RETURNING offering_id, quantity`,
        [reservationId, reason]
      )
    )
    if (!released) return false
    await releaseShares(manager, released.offering_id, released.quantity)
    return true
  }

  /** True when the cart holds a line of a share offering (the checkout's payment rules ask). */
  async cartHasShareLines(cartId: string): Promise<boolean> {
    return cartHasShareLines(this.activeManager_, cartId)
  }

  /**
   * The order was canceled or refunded in full: its share lines not yet minted go back on sale
   * and their mints are never sent. Minted shares stay with their holder: the server refuses a
   * refund that would cover them. A partial refund changes nothing here.
   */
  async releaseUndoneOrder(orderId: string): Promise<number> {
    return this.atomicPhase_(async (manager) => {
      const [order] = await manager.query(`SELECT status, payment_status FROM "order" WHERE id = $1`, [orderId])
      if (!order || (order.status !== "canceled" && order.payment_status !== "refunded")) return 0
      const reason = order.status === "canceled" ? "order canceled" : "order refunded"
      const held: Array<{ id: string }> = await manager.query(
        `SELECT r.id FROM fractional_share_reservation r JOIN line_item li ON li.id = r.line_item_id
          WHERE li.order_id = $1 AND r.status = 'reserved' FOR UPDATE OF r`,
        [orderId]
      )
      let released = 0
      for (const { id } of held) if (await this.releaseIn(manager, id, reason)) released++
      return released
    })
  }

  async forOrder(orderId: string): Promise<ShareReservation[]> {
    return this.activeManager_.query(
      `SELECT r.* FROM fractional_share_reservation r JOIN line_item li ON li.id = r.line_item_id WHERE li.order_id = $1 ORDER BY r.created_at`,
      [orderId]
    )
  }

  /**
   * Mints every share line of a placed order to the buyer's wallet. The line id keys the mint:
   * the transaction hash is recorded before broadcast, so a repeat (redelivered event, restart)
   * finds the line minting or confirmed and sends nothing again.
   */
  async mintOrder(orderId: string): Promise<void> {
    const reservations = await this.forOrder(orderId)
    if (!reservations.length) return
    // Nothing irreversible before the money is in: an unpaid order's shares stay reserved.
    const [order] = await this.activeManager_.query(`SELECT status, payment_status FROM "order" WHERE id = $1`, [orderId])
    if (!order || order.status === "canceled" || !PAID.includes(order.payment_status)) return
    await this.activeManager_.query(
      `UPDATE fractional_share_reservation r SET order_id = $1 FROM line_item li WHERE li.id = r.line_item_id AND li.order_id = $1 AND r.order_id IS NULL`,
      [orderId]
    )
    const failures: Array<{ reservation: ShareReservation; reason: string }> = []
    for (const reservation of reservations.filter((r) => r.status === "reserved")) {
      const reason = await this.mintOne(reservation)
      if (reason) failures.push({ reservation, reason })
    }
    if (failures.length) await this.refundFailedMints(orderId, failures)
  }

  /** Sends one mint; answers why it failed, or null. */
  private async mintOne(reservation: ShareReservation): Promise<string | null> {
    const chainOfferingId = await chainOfferingIdOf(this.activeManager_, reservation.offering_id)
    let hash: Hash
    try {
      // Not a failed mint either: an offering not yet on chain is minted by a later retry.
      if (chainOfferingId === null) throw new Error(`offering ${reservation.offering_id} is not on chain yet`)
      hash = await this.chain.send("minter", "mintShares", [getAddress(reservation.wallet), BigInt(chainOfferingId), BigInt(reservation.quantity)], async (txHash, refused) => {
        const claimed = rowsOf(
          await this.activeManager_.query(
            // The order's payment is checked again here, atomically with taking the line: a
            // cancel or refund that landed since mintOrder looked finds nothing minted. A line
            // this attempt took with a transaction the node refused (its nonce was taken by
            // another process of the same key) is taken again with the new one.
            `UPDATE fractional_share_reservation r SET status = 'minting', mint_tx_hash = $2, updated_at = now()
              WHERE r.id = $1 AND (r.status = 'reserved' OR (r.status = 'minting' AND r.mint_tx_hash = $4))
                AND EXISTS (SELECT 1 FROM "order" o WHERE o.id = r.order_id AND o.status <> 'canceled' AND o.payment_status = ANY($3))
              RETURNING r.id`,
            [reservation.id, txHash, PAID, refused ?? null]
          )
        )
        if (!claimed.length) throw new Error(`reservation ${reservation.id} is already being minted, released or unpaid`)
      })
    } catch (error) {
      // Nothing was sent for this attempt; if another attempt has the line, it is not ours to fail.
      const [now] = await this.activeManager_.query(`SELECT status FROM fractional_share_reservation WHERE id = $1`, [reservation.id])
      if (now?.status !== "reserved") return null
      // An unreachable chain is not a failed mint: the retry job sends it when the chain is back.
      return error instanceof ChainCallError ? error.message : null
    }
    try {
      await this.chain.confirm(hash)
      await this.settleAppliedMints(hash)
      return null
    } catch (error) {
      return (error as Error).message
    }
  }

  /**
   * A mint that failed: its shares go back on sale and the buyer gets their money back, in
   * one transaction, so if the refund fails the reservation stays and the retry job tries again.
   */
  private async refundFailedMints(orderId: string, failures: Array<{ reservation: ShareReservation; reason: string }>) {
    await this.atomicPhase_(async (manager) => {
      for (const { reservation, reason } of failures) await this.releaseIn(manager, reservation.id, `mint failed: ${reason}`)
      const orderService = this.container.orderService.withTransaction(manager)
      const order = await orderService.retrieveWithTotals(orderId, { relations: ["items", "payments"] })
      if (order.status === "canceled") return
      const failedLines = new Set(failures.map((f) => f.reservation.line_item_id))
      const everythingFailed = order.items.every((item: any) => failedLines.has(item.id))
      // A captured order is canceled by refunding it first (the server's order service).
      if (everythingFailed) {
        await orderService.cancel(orderId)
        return
      }
      const amount = order.items.filter((item: any) => failedLines.has(item.id)).reduce((sum: number, item: any) => sum + (item.total ?? 0), 0)
      if (order.payment_status === "captured" && amount > 0) {
        await orderService.createRefund(orderId, Math.min(amount, order.refundable_amount), "other", "Shares could not be minted")
      }
    })
  }

  /**
   * Picks up what an interrupted or failed run left behind: share lines of paid orders never
   * sent (the order.payment_captured handler failed), and mints whose transaction reverted.
   */
  async retryStuckMints(olderThanSeconds = 5): Promise<number> {
    await this.settleAppliedMints()
    const unsent: Array<{ order_id: string }> = await this.activeManager_.query(
      `SELECT DISTINCT li.order_id FROM fractional_share_reservation r JOIN line_item li ON li.id = r.line_item_id
         JOIN "order" o ON o.id = li.order_id AND o.status <> 'canceled' AND o.payment_status IN ('captured', 'partially_refunded')
        WHERE r.status = 'reserved' AND r.updated_at < now() - make_interval(secs => $1)`,
      [olderThanSeconds]
    )
    for (const { order_id } of unsent) await this.mintOrder(order_id)
    const sent: Array<ShareReservation> = await this.activeManager_.query(
      `SELECT * FROM fractional_share_reservation WHERE status = 'minting' AND order_id IS NOT NULL AND updated_at < now() - make_interval(secs => $1)`,
      [olderThanSeconds * 6]
    )
    for (const reservation of sent) {
      const receipt = await this.chain.publicClient.getTransactionReceipt({ hash: reservation.mint_tx_hash as Hash }).catch(() => null)
      if (receipt?.status === "reverted") await this.refundFailedMints(reservation.order_id!, [{ reservation, reason: `transaction ${reservation.mint_tx_hash} reverted` }])
    }
    return unsent.length
  }

  /**
   * A confirmed mint seen by chain sync: the reservation's shares become sold (and the
   * offering sold out when none are left). Idempotent; `undo` reverses it for a reorg.
   */
  /**
   * Mints whose TransferSingle chain sync applied before the mint's `minting` row was visible
   * to it: under load the two race (the bench left 30 of 200 lines `minting` for good, their
   * logs applied 1 s before the hash was). The log is recorded either way, so settle from it.
   */
  async settleAppliedMints(txHash?: string): Promise<number> {
    const rows: Array<{ hash: string }> = await this.activeManager_.query(
      `SELECT DISTINCT r.mint_tx_hash AS hash FROM fractional_share_reservation r
         JOIN fractional_applied_transfer a ON a.tx_hash = r.mint_tx_hash AND a.from_wallet = '0x0000000000000000000000000000000000000000'
        WHERE r.status = 'minting' AND ($1::text IS NULL OR r.mint_tx_hash = $1)`,
      [txHash ?? null]
    )
    for (const { hash } of rows) await this.atomicPhase_((manager) => this.settleMint(manager, hash))
    return rows.length
  }

  async settleMint(manager: EntityManager, txHash: string, undo = false): Promise<void> {
    const [from, to] = undo ? ["confirmed", "minting"] : ["minting", "confirmed"]
    const settled = rowsOf<{ offering_id: string; quantity: number }>(
      await manager.query(
        `UPDATE fractional_share_reservation SET status = $3, updated_at = now() WHERE mint_tx_hash = $1 AND status = $2 RETURNING offering_id, quantity`,
        [txHash, from, to]
      )
    )
    for (const { offering_id, quantity } of settled) {
      const sign = undo ? -1 : 1
      await settleSold(manager, offering_id, sign * quantity)
    }
  }
}

export default ShareReservationService

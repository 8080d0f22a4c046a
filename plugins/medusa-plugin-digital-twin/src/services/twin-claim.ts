import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import { MedusaError } from "medusa-core-utils"
import { getAddress, isAddress } from "viem"
import { conflict, HttpError } from "../lib/http"
import { claimCodeHash, looksLikeClaimCode, newClaimCode } from "../lib/claim-code"
import { TwinService } from "../lib/twin-service"
import type CustomerWalletService from "./customer-wallet"
import { bindClaimWallet, lockTwinForCode, markSubmitted, setRelayTx, storeVoucher, twinById, unsubmit, type TwinRow } from "../db/digital-twin"
import { hasLiveCode, insertClaimCode, revokeLiveCode, twinOfLiveCode } from "../db/digital-twin-claim-code"
import { recordTwinEvent } from "../db/digital-twin-event"
import { PAID_ORDER_STATES } from "../db/medusa-core"
import type PinningService from "./pinning"
import type TwinChainService from "./twin-chain"
import { CLAIM_CODE_EMAIL_EVENT } from "../lib/events"

export { CLAIM_CODE_EMAIL_EVENT }
export type ClaimMode = "self" | "relay"

/** The same answer for an unknown, revoked or someone else's code: it says nothing about a twin. */
const INVALID_CODE = "This claim code is not valid"
/** A voucher about to lapse is renewed rather than handed out. */
const VOUCHER_MARGIN_SECONDS = 120

const err = (type: string, message: string) => new MedusaError(type, message)

/** Claim codes (stored as hashes), binding a twin to the first wallet, and vouchers. */
export default class TwinClaimService extends TwinService {
  static identifier = "twinClaimService"
  /** A new code for the twin (revoking any earlier one), emailed to the buyer. The code is never stored or logged. */
  /** `unlessCoded`: a twin that already has a live code keeps it (nothing is sent); otherwise a new code replaces it. */
  async issueCode(twinId: string, opts: { email?: string | null; unlessCoded?: boolean } = {}): Promise<{ sent_to: string | null }> {
    const code = newClaimCode()
    // The email goes out inside the transaction: a code that could not be sent is not kept.
    return this.atomicPhase_(async (manager) => {
      const twin = await lockTwinForCode(manager, twinId)
      if (!twin) throw err(MedusaError.Types.NOT_FOUND, "No such twin")
      if (twin.status === "minted") throw err(MedusaError.Types.NOT_ALLOWED, "This twin is already minted: it needs no claim code")
      if (twin.refunded_at) throw err(MedusaError.Types.NOT_ALLOWED, "The sale of this twin was canceled or refunded: it gets no claim code")
      if (twin.order_id && !PAID_ORDER_STATES.includes(twin.order_payment_status ?? "")) {
        throw err(MedusaError.Types.NOT_ALLOWED, "The order of this twin is not paid: its claim code is sent once the payment is captured")
      }
      if (opts.unlessCoded && (await hasLiveCode(manager, twinId))) return { sent_to: null }
      await revokeLiveCode(manager, twinId)
      await insertClaimCode(manager, { id: generateEntityId(undefined, "tcc"), twin_id: twinId, code_hash: claimCodeHash(code) })
      const to = opts.email ?? twin.order_email ?? twin.customer_email
      if (!to) return { sent_to: null }
      const claimUrl = `${this.settings_.orgUrl}/claim?code=${encodeURIComponent(code)}`
      // In this transaction: a second connection per claim-code email could starve the pool.
      await this.container_.notificationService.withTransaction(manager).send(
        CLAIM_CODE_EMAIL_EVENT,
        { id: twin.id, customer_id: twin.customer_id, email: to, title: twin.title, token_id: twin.token_id, tag_id: twin.tag_id, claim_url: claimUrl, code },
        this.settings_.notificationProvider
      )
      return { sent_to: to }
    })
  }

  async revokeCode(twinId: string): Promise<{ revoked: number }> {
    return { revoked: await revokeLiveCode(this.activeManager_, twinId) }
  }

  /**
   * Binds the twin behind `code` to `wallet` (first wallet wins, the same wallet again is
   * idempotent) and hands out a voucher (`self`) or submits the claim for the collector (`relay`).
   */
  async claim(input: { customerId: string; code: unknown; wallet: unknown; mode: unknown }) {
    const { customerId } = input
    if (!looksLikeClaimCode(input.code)) throw err(MedusaError.Types.INVALID_DATA, "code must be the 26-character claim code from your email")
    if (typeof input.wallet !== "string" || !isAddress(input.wallet, { strict: false })) {
      throw err(MedusaError.Types.INVALID_DATA, "wallet must be a 0x-prefixed Ethereum address")
    }
    const mode = input.mode ?? "self"
    if (mode !== "self" && mode !== "relay") throw err(MedusaError.Types.INVALID_DATA, 'mode must be "self" or "relay"')
    const wallet = input.wallet.toLowerCase()
    const wallets: CustomerWalletService = this.container_.customerWalletService
    if (!(await wallets.isLinked(customerId, wallet))) {
      throw err(MedusaError.Types.NOT_ALLOWED, "Link this wallet to your account (sign in with it) before claiming to it")
    }

    const found = await twinOfLiveCode(this.activeManager_, claimCodeHash(input.code))
    // A registered buyer's code works only in their account; a guest order's code in any signed-in account.
    if (!found || (found.customer_id && found.customer_id !== customerId && found.has_account)) {
      throw err(MedusaError.Types.INVALID_DATA, INVALID_CODE)
    }
    const bound = await bindClaimWallet(this.activeManager_, found.id, wallet, customerId)
    if (!bound) throw conflict("This twin is already being claimed to another wallet")
    if (bound.status === "minted") return { twin: bound, voucher: null, mode }

    await (this.container_.pinningService as PinningService).ensurePinned(bound)
    const twin = await this.ensureVoucher(bound)
    if (mode === "self") return { twin, voucher: this.voucherView(twin), mode }
    return { twin: await this.relay(twin), voucher: this.voucherView(twin), mode }
  }

  /** Signs a voucher unless a live one exists; an expired one is re-issued while the twin is unminted. */
  private async ensureVoucher(twin: TwinRow): Promise<TwinRow> {
    const chain: TwinChainService = this.container_.twinChainService
    const now = await chain.clockNow()
    if (twin.voucher_signature && Number(twin.voucher_deadline) > now + VOUCHER_MARGIN_SECONDS) return twin
    const deadline = BigInt(now + this.settings_.voucherTtlSeconds)
    const signature = await chain.signVoucher({
      to: getAddress(twin.claim_wallet!),
      tokenId: BigInt(twin.token_id),
      metadataDigest: twin.metadata_digest,
      deadline,
    })
    return this.atomicPhase_(async (manager) => {
      const updated = await storeVoucher(manager, {
        id: twin.id,
        claimWallet: twin.claim_wallet,
        deadline: deadline.toString(),
        signature,
        liveAfter: now + VOUCHER_MARGIN_SECONDS,
      })
      if (!updated) {
        // A concurrent request of the same wallet signed first: hand out its voucher.
        return (await twinById(manager, twin.id))!
      }
      await recordTwinEvent(manager, twin.id, "claim_issued", { deadline: Number(deadline) })
      return updated
    })
  }

  /** Exactly one request moves bound → submitted and sends the transaction; the others see its result. */
  private async relay(twin: TwinRow): Promise<TwinRow> {
    const mine = await markSubmitted(this.activeManager_, twin.id, twin.voucher_signature)
    if (!mine) return (await twinById(this.activeManager_, twin.id))!
    const chain: TwinChainService = this.container_.twinChainService
    try {
      const hash = await chain.relayClaim(
        { to: getAddress(mine.claim_wallet!), tokenId: BigInt(mine.token_id), metadataDigest: mine.metadata_digest, deadline: BigInt(mine.voucher_deadline!) },
        mine.voucher_signature as `0x${string}`
      )
      await setRelayTx(this.activeManager_, mine.id, hash)
      return { ...mine, relay_tx_hash: hash }
    } catch (e) {
      await unsubmit(this.activeManager_, mine.id)
      throw new HttpError(502, "chain_error", `The chain refused the claim: ${(e as Error).message.split("\n")[0]}`)
    }
  }

  voucherView(twin: TwinRow) {
    if (!twin.voucher_signature) return null
    const chain: TwinChainService = this.container_.twinChainService
    return {
      chain_id: this.settings_.chainId,
      contract_address: chain.twinAddress(),
      voucher: {
        to: getAddress(twin.claim_wallet!),
        tokenId: twin.token_id,
        metadataDigest: twin.metadata_digest,
        deadline: String(twin.voucher_deadline),
      },
      signature: twin.voucher_signature,
    }
  }
}

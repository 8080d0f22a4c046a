import { MedusaError } from "medusa-core-utils"
import { EMAIL_VERIFICATION_EVENT } from "../lib/customer-email-render"
import { linkGuestOrdersToAccount } from "../lib/guest-orders"
import { recordVerifiedEmail, verifiedEmailOf } from "../db/customer-verified-email"
import { issueVerificationToken, spendVerificationToken } from "../db/email-verification-token"
import { hashToken, newToken } from "../lib/single-use-token"
import { PerCallService } from "@pva/medusa-kit/service"

const TOKEN_TTL_HOURS = 24
const INVALID_TOKEN = "This verification link is invalid, expired or already used: request a new one from your account"

/**
 * Proves that an account's owner receives mail at its email address: a single-use,
 * expiring token is emailed, and confirming it joins that address's guest orders.
 */
class EmailVerificationService extends PerCallService {
  protected readonly eventBus_: any

  constructor(container: any) {
    super(arguments[0])
    this.eventBus_ = container.eventBusService
  }

  async isVerified(customerId: string): Promise<boolean> {
    return Boolean(await verifiedEmailOf(this.activeManager_, customerId))
  }

  /**
   * Issues a new token (earlier unused ones stop working) and emits the event that
   * emails it. Returns false for an account already verified or not found.
   */
  async requestVerification(customerId: string): Promise<boolean> {
    return await this.atomicPhase_(async (manager: any) => {
      const [customer] = await manager.query(
        `SELECT id, lower(email) AS email, first_name FROM customer WHERE id = $1 AND has_account AND deleted_at IS NULL`,
        [customerId]
      )
      if (!customer || (await verifiedEmailOf(manager, customerId))) return false
      const token = newToken()
      await issueVerificationToken(manager, { token_hash: hashToken(token), customer_id: customerId, email: customer.email }, TOKEN_TTL_HOURS)
      await this.eventBus_
        .withTransaction(manager)
        .emit(EMAIL_VERIFICATION_EVENT, { id: customerId, email: customer.email, first_name: customer.first_name, token })
      return true
    })
  }

  /** Spends the token, records the proof and joins the address's guest orders to the account. */
  async confirm(token: string): Promise<{ customer_id: string; linked_orders: number }> {
    return await this.atomicPhase_(async (manager: any) => {
      const spent = await spendVerificationToken(manager, hashToken(token))
      if (!spent) throw new MedusaError(MedusaError.Types.INVALID_DATA, INVALID_TOKEN)
      const [customer] = await manager.query(
        `SELECT id FROM customer WHERE id = $1 AND has_account AND deleted_at IS NULL AND lower(email) = $2`,
        [spent.customer_id, spent.email]
      )
      if (!customer) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, "This link was sent to an email address the account no longer uses")
      }
      const linked = await this.recordProof(manager, spent.customer_id, spent.email)
      return { customer_id: spent.customer_id, linked_orders: linked }
    })
  }

  /** A password reset through an emailed link proves the address as well as a verification link does. */
  async verifiedByPasswordReset(customerId: string): Promise<void> {
    await this.atomicPhase_(async (manager: any) => {
      const [customer] = await manager.query(`SELECT lower(email) AS email FROM customer WHERE id = $1 AND has_account`, [customerId])
      if (customer) await this.recordProof(manager, customerId, customer.email)
    })
  }

  private async recordProof(manager: any, customerId: string, email: string): Promise<number> {
    await recordVerifiedEmail(manager, customerId, email)
    return await linkGuestOrdersToAccount(manager, customerId, email)
  }
}

export default EmailVerificationService

import { FractionalService } from "../lib/fractional-service"
import { MedusaError } from "medusa-core-utils"
import type { Address } from "viem"
import { parseKycDecision, parseKycInput } from "../lib/kyc-input"
import { walletDirectoryFrom, type WalletDirectory } from "../lib/wallet-directory"
import { KycApplication, type KycApplicationStatus } from "../models/kyc-application"
import { KycDecision } from "../models/kyc-decision"
import { applicationsForReview, latestApplicationStatus, lockApplication, recordDecision } from "../db/kyc"
import type { EligibilityResult } from "./eligibility-queue"

export type KycStatus = "required" | "pending" | "approved" | "rejected"
export type { EligibilityResult }

/** The owner's (or an admin's) view of an application: personal data never goes anywhere else. */
export function applicationView(a: KycApplication) {
  return {
    id: a.id,
    status: a.status,
    legal_name: a.legal_name,
    country_code: a.country_code,
    date_of_birth: typeof a.date_of_birth === "string" ? a.date_of_birth : new Date(a.date_of_birth).toISOString().slice(0, 10),
    created_at: a.created_at,
  }
}

/**
 * KYC: customers apply, admins decide (every decision kept), and the decision is carried to
 * the chain: approval makes each linked wallet eligible on PVAShares, rejection or revocation
 * makes it ineligible; a wallet linked later follows the customer's status. Each change goes
 * through the eligibility queue, so one that fails is retried, never lost.
 */
class KycService extends FractionalService {
  get wallets(): WalletDirectory {
    return walletDirectoryFrom(this.container, this.transactionManager_)
  }

  async latestFor(customerId: string): Promise<KycApplication | null> {
    return this.activeManager_.getRepository(KycApplication).findOne({ where: { customer_id: customerId }, order: { created_at: "DESC" } })
  }

  async statusOf(customerId: string): Promise<KycStatus> {
    return (await this.latestFor(customerId))?.status ?? "required"
  }

  async submit(customerId: string, body: unknown): Promise<KycApplication> {
    const input = parseKycInput(body)
    return this.atomicPhase_(async (manager) => {
      // One submission at a time per customer, so two racing requests cannot both pass the checks.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('fractional_kyc:' || $1))`, [customerId])
      const latest = await latestApplicationStatus(manager, customerId)
      if (latest === "pending") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Your KYC application is already under review")
      if (latest === "approved") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "You are already approved; nothing to submit")
      const repo = manager.getRepository(KycApplication)
      return repo.save(repo.create({ customer_id: customerId, ...input, status: "pending" }))
    })
  }

  async decisionsOf(applicationId: string): Promise<KycDecision[]> {
    return this.activeManager_.getRepository(KycDecision).find({ where: { application_id: applicationId }, order: { created_at: "ASC" } })
  }

  async queue(status?: string) {
    if (status && !["pending", "approved", "rejected"].includes(status)) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `status must be pending, approved or rejected, got "${status}"`)
    }
    // Checked against the three statuses above.
    return applicationsForReview(this.activeManager_, (status as KycApplicationStatus | undefined) ?? null)
  }

  async retrieveApplication(id: string): Promise<KycApplication> {
    const found = await this.activeManager_.getRepository(KycApplication).findOne({ where: { id } })
    if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No KYC application ${id}`)
    return found
  }

  /** Records `decision` by `adminUserId`, then sets every linked wallet's eligibility on chain. */
  async decide(applicationId: string, adminUserId: string, body: unknown) {
    const { decision, note } = parseKycDecision(body)
    const application = await this.atomicPhase_(async (manager) => {
      const row = await lockApplication(manager, applicationId)
      if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No KYC application ${applicationId}`)
      const allowedFrom = decision === "revoked" ? "approved" : "pending"
      if (row.status !== allowedFrom) {
        throw new MedusaError(
          MedusaError.Types.NOT_ALLOWED,
          decision === "revoked" ? `Only an approved application can be revoked; this one is ${row.status}` : `This application was already ${row.status}`
        )
      }
      const newStatus = decision === "approved" ? "approved" : "rejected"
      await recordDecision(manager, { id: KycDecision.newId(), application_id: applicationId, decision, note, decided_by: adminUserId }, newStatus)
      return { ...row, status: newStatus } as KycApplication
    })
    const eligibility = await this.syncEligibility(application.customer_id)
    return { application, eligibility }
  }

  /** Brings every linked wallet of the customer in line with their KYC status on chain. */
  async syncEligibility(customerId: string): Promise<EligibilityResult[]> {
    const eligible = (await this.statusOf(customerId)) === "approved"
    const results: EligibilityResult[] = []
    for (const wallet of await this.wallets.walletsOf(customerId)) results.push(await this.setEligible(wallet, eligible))
    return results
  }

  /**
   * Sets a wallet's eligibility on chain through the durable queue: a failed attempt answers
   * with its error and `retry_at`, and the retry job sends it again until it lands.
   */
  async setEligible(wallet: Address, eligible: boolean): Promise<EligibilityResult> {
    return this.container.eligibilityQueueService.request(wallet, eligible)
  }

  /** The customer's wallet that can receive shares now (eligible on chain), if any. */
  async eligibleWallet(customerId: string, preferred?: string): Promise<Address | null> {
    const wallets = await this.wallets.walletsOf(customerId)
    const ordered = preferred ? wallets.filter((w) => w.toLowerCase() === preferred.toLowerCase()) : wallets
    for (const wallet of ordered) if (await this.chain.isEligible(wallet)) return wallet
    return null
  }
}

export default KycService

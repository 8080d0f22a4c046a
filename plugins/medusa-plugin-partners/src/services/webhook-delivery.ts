import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { PartnerSettings, PartnersPluginOptions, resolvePartnerSettings } from "../lib/settings"
import { outboundRequest } from "../lib/outbound-http"
import {
  attemptsOf,
  claimDueDeliveries,
  deliveriesOfPartner,
  deliveryForReplay,
  markDead,
  markDelivered,
  recordAttempt,
  requeueDelivery,
  scheduleRetry,
  type ClaimedDelivery,
} from "../db/webhook-delivery"
import { disableWebhook, webhookTargetOf } from "../db/partner"
import { signatureHeader } from "../lib/standard-webhooks"
import { nextRetry, parseRetryAfter } from "../lib/webhook-retry"
import { activeSecrets } from "../lib/webhook-secrets"

const BATCH = 10
const MAX_RESPONSE_BYTES = 64 * 1024
const STORED_RESPONSE_CHARS = 2048

export type DeliveryRow = ClaimedDelivery

/**
 * Delivers the webhook outbox. Rows are claimed with a lease
 * (`FOR UPDATE SKIP LOCKED`, then `lease_until`), so several workers, or a
 * restarted one, never send the same attempt twice; a worker killed mid-request
 * leaves a lease that expires and the row is tried again (at-least-once, with
 * the same `webhook-id` so receivers can de-duplicate).
 */
class WebhookDeliveryService extends TransactionBaseService {
  protected readonly logger_: any
  protected settings_: PartnerSettings
  private timer_: NodeJS.Timeout | null = null
  private running_ = false
  private inFlight_: Promise<unknown> | null = null

  constructor(container: any, options: PartnersPluginOptions = {}) {
    super(arguments[0])
    this.logger_ = container.logger
    this.settings_ = resolvePartnerSettings(options)
  }

  private get leaseSeconds(): number {
    return Math.ceil(this.settings_.webhookTimeoutMs / 1000) + 15
  }

  startWorker(): void {
    if (this.running_) return
    this.running_ = true
    const tick = async () => {
      if (!this.running_) return
      let claimed = 0
      try {
        this.inFlight_ = this.runOnce()
        claimed = (await this.inFlight_) as number
      } catch (err: any) {
        this.logger_?.warn?.(`webhook worker: ${err.message}`)
      } finally {
        this.inFlight_ = null
      }
      if (!this.running_) return
      // A full batch means more may be due: go again at once.
      this.timer_ = setTimeout(tick, claimed >= BATCH ? 0 : this.settings_.webhookPollIntervalMs)
      this.timer_.unref()
    }
    this.timer_ = setTimeout(tick, 0)
    this.timer_.unref()
  }

  async stopWorker(): Promise<void> {
    this.running_ = false
    if (this.timer_) clearTimeout(this.timer_)
    await this.inFlight_
  }

  /** Claims due deliveries and attempts each once; returns how many were claimed. */
  async runOnce(): Promise<number> {
    const rows = await claimDueDeliveries(this.manager_, this.leaseSeconds, BATCH)
    await Promise.all(rows.map((row) => this.attempt(row)))
    return rows.length
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    const attempt = row.attempts + 1
    const partner = await webhookTargetOf(this.manager_, row.partner_id)
    if (!partner?.may_receive) {
      // Queued while the partner was approved, since rejected or deactivated: never sent.
      await this.deadLetter(this.manager_, row.id, row.attempts, null, "partner is not approved and active: not sent")
      return
    }
    const secrets = activeSecrets(partner?.webhook_secrets ?? [], this.settings_.webhookSecretKey)
    const started = Date.now()
    let status: number | null = null
    let responseBody: string | null = null
    let error: string | null = null
    let retryAfter: number | null = null

    if (!partner?.webhook_url) error = "partner has no webhook endpoint"
    else if (!secrets.length) error = "partner has no active signing secret"
    else {
      const timestamp = Math.floor(Date.now() / 1000)
      try {
        const res = await outboundRequest({
          method: "POST",
          url: partner.webhook_url,
          headers: {
            "content-type": "application/json",
            "webhook-id": row.id,
            "webhook-timestamp": String(timestamp),
            "webhook-signature": signatureHeader(secrets, row.id, timestamp, row.body),
          },
          body: row.body,
          timeoutMs: this.settings_.webhookTimeoutMs,
          maxBodyBytes: MAX_RESPONSE_BYTES,
          allowedHosts: this.settings_.webhookAllowedHosts,
        })
        status = res.status
        responseBody = res.body.slice(0, STORED_RESPONSE_CHARS)
        retryAfter = parseRetryAfter(res.headers["retry-after"])
        // Redirects are not followed: the endpoint must answer itself.
        if (status >= 300 && status < 400) error = `redirect (${status}) to ${res.headers.location ?? "nowhere"} not followed`
        else if (status < 200 || status >= 300) error = `HTTP ${status}`
      } catch (err: any) {
        error = err.message
      }
    }
    const duration = Date.now() - started

    await this.manager_.transaction(async (m) => {
      await recordAttempt(m, {
        delivery_id: row.id,
        attempt,
        url: partner?.webhook_url ?? null,
        response_status: status,
        response_body: responseBody,
        error,
        duration_ms: duration,
      })
      if (!error) {
        await markDelivered(m, row.id, attempt, status)
        return
      }
      if (status === 410) {
        // Gone: the partner retired this endpoint; stop sending until an admin re-enables it.
        await disableWebhook(m, row.partner_id, `endpoint answered 410 Gone for ${row.id}`)
        await this.deadLetter(m, row.id, attempt, status, error)
        return
      }
      const decision = nextRetry({ attemptsMade: attempt, schedule: this.settings_.webhookRetryScheduleSeconds, retryAfterSeconds: retryAfter })
      if (!decision.retry) {
        await this.deadLetter(m, row.id, attempt, status, error)
        return
      }
      await scheduleRetry(m, row.id, attempt, status, error, decision.delaySeconds)
    })
  }

  private async deadLetter(m: EntityManager, id: string, attempts: number, status: number | null, error: string | null) {
    await markDead(m, id, attempts, status, error)
  }

  async listForPartner(partnerId: string, opts: { status?: string; limit?: number; offset?: number } = {}) {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200)
    const offset = Math.max(opts.offset ?? 0, 0)
    const { deliveries, count } = await deliveriesOfPartner(this.manager_, partnerId, { status: opts.status, limit, offset })
    const attempts = await attemptsOf(
      this.manager_,
      deliveries.map((d) => d.id)
    )
    for (const d of deliveries) d.attempt_log = attempts.filter((a) => a.delivery_id === d.id)
    return { deliveries, count, limit, offset }
  }

  /** Sends a dead-lettered (or delivered) event again, with its original `webhook-id` and body. */
  async replay(partnerId: string, deliveryId: string) {
    const row = await deliveryForReplay(this.manager_, partnerId, deliveryId)
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook delivery ${deliveryId} was not found for this partner`)
    if (!row.may_receive) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only approved, active partners receive order data: approve or reactivate the partner first")
    }
    if (row.status === "pending") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This delivery is still pending; it will be retried on its own")
    if (row.webhook_disabled_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The partner's webhook endpoint is disabled: re-enable it before replaying")
    }
    const updated = await requeueDelivery(this.manager_, deliveryId)
    if (!updated) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This delivery is already queued")
    return updated
  }
}

export default WebhookDeliveryService

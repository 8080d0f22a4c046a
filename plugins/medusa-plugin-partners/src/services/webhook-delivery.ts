import { TransactionBaseService } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { PartnerSettings, PartnersPluginOptions, resolvePartnerSettings } from "../lib/settings"
import { receivesCustomerData } from "../lib/order-webhook-outbox"
import { outboundRequest } from "../lib/outbound-http"
import { rowsOf } from "@pva/medusa-kit"
import { signatureHeader } from "../lib/standard-webhooks"
import { nextRetry, parseRetryAfter } from "../lib/webhook-retry"
import { activeSecrets } from "../lib/webhook-secrets"

const BATCH = 10
const MAX_RESPONSE_BYTES = 64 * 1024
const STORED_RESPONSE_CHARS = 2048

export type DeliveryRow = {
  id: string
  partner_id: string
  event_type: string
  body: string
  attempts: number
  status: string
}

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
    const rows: DeliveryRow[] = rowsOf(await this.manager_.query(
      `UPDATE webhook_delivery d
          SET lease_until = now() + make_interval(secs => $1), updated_at = now()
        WHERE d.id IN (
          SELECT d2.id FROM webhook_delivery d2
            JOIN partner p ON p.id = d2.partner_id
           WHERE d2.status = 'pending' AND d2.next_attempt_at <= now()
             AND (d2.lease_until IS NULL OR d2.lease_until < now())
             AND p.webhook_disabled_at IS NULL
           ORDER BY d2.next_attempt_at
           LIMIT $2
           FOR UPDATE OF d2 SKIP LOCKED)
        RETURNING d.id, d.partner_id, d.event_type, d.body, d.attempts, d.status`,
      [this.leaseSeconds, BATCH]
    ))
    await Promise.all(rows.map((row) => this.attempt(row)))
    return rows.length
  }

  private async attempt(row: DeliveryRow): Promise<void> {
    const attempt = row.attempts + 1
    const [partner] = await this.manager_.query(
      `SELECT webhook_url, webhook_secrets, (${receivesCustomerData()}) AS may_receive FROM partner WHERE id = $1`,
      [row.partner_id]
    )
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
      await m.query(
        `INSERT INTO webhook_attempt (delivery_id, attempt, url, response_status, response_body, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [row.id, attempt, partner?.webhook_url ?? null, status, responseBody, error, duration]
      )
      if (!error) {
        await m.query(
          `UPDATE webhook_delivery SET status = 'delivered', attempts = $2, last_status = $3, last_error = NULL,
                  delivered_at = now(), lease_until = NULL, updated_at = now() WHERE id = $1`,
          [row.id, attempt, status]
        )
        return
      }
      if (status === 410) {
        // Gone: the partner retired this endpoint; stop sending until an admin re-enables it.
        await m.query(
          `UPDATE partner SET webhook_disabled_at = now(), webhook_disabled_reason = $2, updated_at = now() WHERE id = $1`,
          [row.partner_id, `endpoint answered 410 Gone for ${row.id}`]
        )
        await this.deadLetter(m, row.id, attempt, status, error)
        return
      }
      const decision = nextRetry({ attemptsMade: attempt, schedule: this.settings_.webhookRetryScheduleSeconds, retryAfterSeconds: retryAfter })
      if (!decision.retry) {
        await this.deadLetter(m, row.id, attempt, status, error)
        return
      }
      await m.query(
        `UPDATE webhook_delivery SET attempts = $2, last_status = $3, last_error = $4, lease_until = NULL,
                next_attempt_at = now() + make_interval(secs => $5), updated_at = now() WHERE id = $1`,
        [row.id, attempt, status, error, decision.delaySeconds]
      )
    })
  }

  private async deadLetter(m: EntityManager, id: string, attempts: number, status: number | null, error: string | null) {
    await m.query(
      `UPDATE webhook_delivery SET status = 'dead', attempts = $2, last_status = $3, last_error = $4,
              dead_at = now(), lease_until = NULL, updated_at = now() WHERE id = $1`,
      [id, attempts, status, error]
    )
  }

  async listForPartner(partnerId: string, opts: { status?: string; limit?: number; offset?: number } = {}) {
    const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200)
    const offset = Math.max(opts.offset ?? 0, 0)
    const params: unknown[] = [partnerId, limit, offset]
    let filter = ""
    if (opts.status) {
      params.push(opts.status)
      filter = ` AND status = $4`
    }
    const deliveries = await this.manager_.query(
      `SELECT id, partner_id, event_type, order_id, status, attempts, next_attempt_at, last_status, last_error,
              delivered_at, dead_at, created_at, updated_at, body::jsonb AS payload
         FROM webhook_delivery WHERE partner_id = $1${filter}
        ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3`,
      params
    )
    const [{ count }] = await this.manager_.query(
      `SELECT count(*)::int AS count FROM webhook_delivery WHERE partner_id = $1${opts.status ? " AND status = $2" : ""}`,
      opts.status ? [partnerId, opts.status] : [partnerId]
    )
    const ids = deliveries.map((d: any) => d.id)
    const attempts = ids.length
      ? await this.manager_.query(
          `SELECT delivery_id, attempt, url, response_status, response_body, error, duration_ms, created_at
             FROM webhook_attempt WHERE delivery_id = ANY($1) ORDER BY id`,
          [ids]
        )
      : []
    for (const d of deliveries) d.attempt_log = attempts.filter((a: any) => a.delivery_id === d.id)
    return { deliveries, count, limit, offset }
  }

  /** Sends a dead-lettered (or delivered) event again, with its original `webhook-id` and body. */
  async replay(partnerId: string, deliveryId: string) {
    const [row] = await this.manager_.query(
      `SELECT d.status, p.webhook_disabled_at, (${receivesCustomerData("p")}) AS may_receive
         FROM webhook_delivery d JOIN partner p ON p.id = d.partner_id
        WHERE d.id = $1 AND d.partner_id = $2`,
      [deliveryId, partnerId]
    )
    if (!row) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Webhook delivery ${deliveryId} was not found for this partner`)
    if (!row.may_receive) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Only approved, active partners receive order data: approve or reactivate the partner first")
    }
    if (row.status === "pending") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This delivery is still pending; it will be retried on its own")
    if (row.webhook_disabled_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "The partner's webhook endpoint is disabled: re-enable it before replaying")
    }
    const [updated] = rowsOf(await this.manager_.query(
      `UPDATE webhook_delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL,
              dead_at = NULL, delivered_at = NULL, updated_at = now()
        WHERE id = $1 AND status <> 'pending'
        RETURNING id, status, next_attempt_at`,
      [deliveryId]
    ))
    if (!updated) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This delivery is already queued")
    return updated
  }
}

export default WebhookDeliveryService

import { MedusaError } from "medusa-core-utils"
import { PartnerSettings, PartnersPluginOptions, resolvePartnerSettings } from "../lib/settings"
import { FeedFormatError, parseInventoryFeed } from "../lib/inventory-feed"
import { outboundRequest } from "../lib/outbound-http"
import { reconcileStockAlerts } from "../lib/stock-alerts"
import { PerCallService } from "@pva/medusa-kit/service"
import { feedOf, partnersWithFeeds } from "../db/partner"
import { feedReportsOf, saveFeedReport, type FeedSyncRow } from "../db/partner-feed-sync"

const MAX_FEED_BYTES = 5 * 1024 * 1024

/** One run of a partner's feed, as kept in partner_feed_sync. */
export type SyncReport = FeedSyncRow

/**
 * Pulls each partner's inventory feed and applies it to stock. A feed is the partner's count
 * when we asked for it; whatever our stock did since (sales above all) is applied on top, so
 * a sale made while the feed was in flight is never handed out again:
 * stock = feed quantity + (stock now − stock when the feed was requested).
 * A second run with the same feed changes nothing. The whole reconciliation (stock, alerts,
 * report, change events) is one transaction; a feed that cannot be fetched or parsed changes
 * nothing and leaves a failed report.
 */
class PartnerFeedSyncService extends PerCallService {
  protected readonly settings_: PartnerSettings

  constructor(container: any, options: PartnersPluginOptions = {}) {
    super(arguments[0])
    this.settings_ = resolvePartnerSettings(options)
  }

  async syncAll(trigger = "schedule"): Promise<SyncReport[]> {
    const partners = await partnersWithFeeds(this.manager_)
    const reports: SyncReport[] = []
    for (const id of partners) reports.push(await this.syncPartner(id, trigger))
    return reports
  }

  async syncPartner(partnerId: string, trigger = "admin"): Promise<SyncReport> {
    const partner = await feedOf(this.manager_, partnerId)
    if (!partner) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Partner ${partnerId} was not found`)
    if (!partner.inventory_feed_url) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "This partner has no inventory feed URL")
    const startedAt = new Date()
    const atSnapshot = await this.stockBySku(partnerId)

    let parsed
    try {
      const res = await outboundRequest({
        method: "GET",
        url: partner.inventory_feed_url,
        headers: { accept: "application/json, text/csv" },
        timeoutMs: this.settings_.webhookTimeoutMs,
        maxBodyBytes: MAX_FEED_BYTES,
        allowedHosts: this.settings_.webhookAllowedHosts,
      })
      if (res.status < 200 || res.status >= 300) throw new FeedFormatError(`the feed answered HTTP ${res.status}`)
      if (res.truncated) throw new FeedFormatError(`the feed is larger than ${MAX_FEED_BYTES} bytes`)
      parsed = parseInventoryFeed(res.body, String(res.headers["content-type"] ?? ""))
    } catch (err: any) {
      return await this.saveReport({ partnerId, trigger, startedAt, status: "failed", error: `feed could not be read: ${err.message}` })
    }

    return await this.atomicPhase_(async (manager) => {
      // One sync per partner at a time; a concurrent run waits and then finds nothing to change.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('partner-feed:' || $1))`, [partnerId])
      const variants: Array<{ id: string; sku: string; product_id: string; inventory_quantity: number }> = await manager.query(
        `SELECT v.id, v.sku, v.product_id, v.inventory_quantity FROM product_variant v JOIN product p ON p.id = v.product_id
          WHERE p.partner_id = $1 AND v.sku = ANY($2) AND v.deleted_at IS NULL AND p.deleted_at IS NULL
          FOR UPDATE OF v`,
        [partnerId, parsed.rows.map((r) => r.sku)]
      )
      const bySku = new Map(variants.map((v) => [v.sku, v]))
      const updated: SyncReport["updated"] = []
      const unknown: string[] = []
      const changed: typeof variants = []
      let unchanged = 0
      for (const row of parsed.rows) {
        const variant = bySku.get(row.sku)
        if (!variant) {
          unknown.push(row.sku)
          continue
        }
        const changedSinceSnapshot = variant.inventory_quantity - (atSnapshot.get(row.sku) ?? variant.inventory_quantity)
        const quantity = Math.max(0, row.quantity + changedSinceSnapshot)
        if (variant.inventory_quantity === quantity) {
          unchanged++
          continue
        }
        await manager.query(`UPDATE product_variant SET inventory_quantity = $2, updated_at = now() WHERE id = $1`, [variant.id, quantity])
        updated.push({ sku: row.sku, from: variant.inventory_quantity, to: quantity })
        changed.push(variant)
      }
      const touched = parsed.rows.map((r) => bySku.get(r.sku)?.id).filter(Boolean) as string[]
      const eventBus = (this as any).__container__.eventBusService
      await reconcileStockAlerts(manager, eventBus, touched)
      await announceStockChanges(eventBus.withTransaction(manager), changed)
      return await this.saveReport({
        partnerId,
        trigger,
        startedAt,
        status: "ok",
        updated,
        unchanged,
        unknown,
        bad: parsed.bad,
        manager,
      })
    })
  }

  /** The partner's stock per SKU right now, outside any transaction: the feed's baseline. */
  private async stockBySku(partnerId: string): Promise<Map<string, number>> {
    const rows: Array<{ sku: string; inventory_quantity: number }> = await this.manager_.query(
      `SELECT v.sku, v.inventory_quantity FROM product_variant v JOIN product p ON p.id = v.product_id
        WHERE p.partner_id = $1 AND v.sku IS NOT NULL AND v.deleted_at IS NULL AND p.deleted_at IS NULL`,
      [partnerId]
    )
    return new Map(rows.map((r) => [r.sku, r.inventory_quantity]))
  }

  async listReports(partnerId: string, limit = 20): Promise<SyncReport[]> {
    return feedReportsOf(this.manager_, partnerId, Math.min(Math.max(limit, 1), 100))
  }

  private async saveReport(r: {
    partnerId: string
    trigger: string
    startedAt: Date
    status: "ok" | "failed"
    updated?: SyncReport["updated"]
    unchanged?: number
    unknown?: string[]
    bad?: SyncReport["bad_rows"]
    error?: string
    manager?: any
  }): Promise<SyncReport> {
    const row = await saveFeedReport(r.manager ?? this.manager_, {
      partner_id: r.partnerId,
      status: r.status,
      trigger: r.trigger,
      updated: r.updated ?? [],
      unchanged: r.unchanged ?? 0,
      unknown_skus: r.unknown ?? [],
      bad_rows: r.bad ?? [],
      error: r.error ?? null,
      started_at: r.startedAt,
    })
    return row
  }
}

/**
 * The events Medusa's own services emit for the same change, so storefront caches, search
 * indexes and anything else subscribed hear about stock a feed changed.
 */
async function announceStockChanges(bus: any, variants: Array<{ id: string; product_id: string }>) {
  for (const v of variants) {
    await bus.emit("product-variant.updated", { id: v.id, product_id: v.product_id, fields: ["inventory_quantity"] })
  }
  for (const productId of new Set(variants.map((v) => v.product_id))) {
    await bus.emit("product.updated", { id: productId, fields: ["variants"] })
  }
}

export default PartnerFeedSyncService

import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { PartnerSettings, PartnersPluginOptions, resolvePartnerSettings } from "../lib/settings"
import { assertSafeUrl, UnsafeUrlError } from "../lib/ssrf-guard"
import { rowsOf } from "@pva/medusa-kit"
import { PerCallService } from "@pva/medusa-kit/service"
import { issueSecret, masked, MaskedWebhookSecret, rotate } from "../lib/webhook-secrets"
import type { PartnerInput as PartnerFieldsInput } from "../lib/partner-input"
import { Partner, PARTNER_STATUSES } from "../models/partner"

/** How long the previous secret keeps signing after a rotation, so partners can switch over. */
export const ROTATION_OVERLAP_HOURS = 24

export type PartnerInput = PartnerFieldsInput & { webhook_enabled?: boolean; product_ids?: string[] }

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)

/** Partners: the cooperatives that supply PVA Bazaar's pieces. */
class PartnerService extends PerCallService {
  protected readonly settings_: PartnerSettings

  constructor(container: any, options: PartnersPluginOptions = {}) {
    super(arguments[0])
    this.settings_ = resolvePartnerSettings(options)
  }

  private repo(manager: EntityManager = this.activeManager_) {
    return manager.getRepository(Partner)
  }

  async list(opts: { q?: string; status?: string; limit?: number; offset?: number } = {}) {
    const qb = this.repo().createQueryBuilder("p").orderBy("p.name", "ASC")
    if (opts.status) {
      if (!PARTNER_STATUSES.includes(opts.status as any)) throw invalid(`status must be one of ${PARTNER_STATUSES.join(", ")}`)
      qb.andWhere("p.status = :status", { status: opts.status })
    }
    if (opts.q) qb.andWhere("(p.name ILIKE :q OR p.handle ILIKE :q OR p.country ILIKE :q)", { q: `%${opts.q}%` })
    const limit = Math.min(Math.max(Number(opts.limit ?? 50) || 50, 1), 200)
    const offset = Math.max(Number(opts.offset ?? 0) || 0, 0)
    const [partners, count] = await qb.take(limit).skip(offset).getManyAndCount()
    const counts = await this.productCounts(partners.map((p) => p.id))
    return { partners: partners.map((p) => ({ ...adminView(p, false), product_count: counts[p.id] ?? 0 })), count, limit, offset }
  }

  async retrieve(id: string): Promise<Partner> {
    const partner = await this.repo().findOne({ where: { id } })
    if (!partner) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Partner ${id} was not found`)
    return partner
  }

  async retrieveForAdmin(id: string) {
    const partner = await this.retrieve(id)
    const products = await this.activeManager_.query(
      `SELECT p.id, p.title, p.handle, p.reorder_point, p.status,
              coalesce(json_agg(json_build_object('id', v.id, 'sku', v.sku, 'inventory_quantity', v.inventory_quantity))
                FILTER (WHERE v.id IS NOT NULL), '[]') AS variants
         FROM product p LEFT JOIN product_variant v ON v.product_id = p.id AND v.deleted_at IS NULL
        WHERE p.partner_id = $1 AND p.deleted_at IS NULL
        GROUP BY p.id ORDER BY p.title`,
      [id]
    )
    return { ...adminView(partner, true), products }
  }

  /** The public profile: approved, active partners only. */
  async retrievePublic(handle: string) {
    const partner = await this.repo().findOne({ where: { handle, status: "approved", is_active: true } })
    if (!partner) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Partner "${handle}" was not found`)
    const products = await this.activeManager_.query(
      `SELECT id, title, handle, thumbnail FROM product
        WHERE partner_id = $1 AND status = 'published' AND deleted_at IS NULL ORDER BY title`,
      [partner.id]
    )
    return {
      handle: partner.handle,
      name: partner.name,
      country: partner.country,
      country_code: partner.country_code,
      story: partner.story,
      products,
    }
  }

  /** Returns the partner and its first signing secret, which is shown this once and stored sealed. */
  async create(input: PartnerInput): Promise<{ partner: Partner; secret: string }> {
    const data = await this.prepare(input, true)
    return await this.atomicPhase_(async (manager) => {
      await this.assertHandleFree(manager, data.handle!)
      const { secret, stored } = issueSecret(this.settings_.webhookSecretKey)
      const partner = this.repo(manager).create({ ...data, webhook_secrets: [stored] })
      const saved = await this.repo(manager).save(partner)
      if (input.product_ids) await this.assignProducts(manager, saved.id, input.product_ids)
      return { partner: saved, secret }
    })
  }

  async update(id: string, input: PartnerInput) {
    const data = await this.prepare(input, false)
    return await this.atomicPhase_(async (manager) => {
      const partner = await this.repo(manager).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      if (!partner) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Partner ${id} was not found`)
      if (data.handle && data.handle !== partner.handle) await this.assertHandleFree(manager, data.handle)
      Object.assign(partner, data)
      // Saving a new endpoint, or asking explicitly, re-enables an endpoint that answered 410.
      if (input.webhook_enabled === true || typeof data.webhook_url === "string") {
        partner.webhook_disabled_at = null
        partner.webhook_disabled_reason = null
      }
      if (input.webhook_enabled === false && !partner.webhook_disabled_at) {
        partner.webhook_disabled_at = new Date()
        partner.webhook_disabled_reason = "disabled by an admin"
      }
      const saved = await this.repo(manager).save(partner)
      if (input.product_ids) await this.assignProducts(manager, saved.id, input.product_ids)
      return saved
    })
  }

  async delete(id: string): Promise<void> {
    await this.atomicPhase_(async (manager) => {
      const result = await this.repo(manager).delete({ id })
      if (!result.affected) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Partner ${id} was not found`)
    })
  }

  /**
   * Adds a new signing secret, returned in plain this once. The previous ones keep signing
   * for ROTATION_OVERLAP_HOURS, so deliveries carry one signature per active secret.
   */
  async rotateSecret(id: string): Promise<{ secret: string; secrets: MaskedWebhookSecret[] }> {
    return await this.atomicPhase_(async (manager) => {
      const partner = await this.repo(manager).findOne({ where: { id }, lock: { mode: "pessimistic_write" } })
      if (!partner) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Partner ${id} was not found`)
      const { secret, secrets } = rotate(partner.webhook_secrets ?? [], this.settings_.webhookSecretKey, ROTATION_OVERLAP_HOURS * 3600_000)
      partner.webhook_secrets = secrets
      await this.repo(manager).save(partner)
      return { secret, secrets: masked(secrets) }
    })
  }

  async assignProducts(manager: EntityManager, partnerId: string, productIds: string[]) {
    const found = await manager.query(`SELECT id FROM product WHERE id = ANY($1) AND deleted_at IS NULL`, [productIds])
    const missing = productIds.filter((id) => !found.some((f: any) => f.id === id))
    if (missing.length) throw invalid(`Unknown product ids: ${missing.join(", ")}`)
    await manager.query(`UPDATE product SET partner_id = $1 WHERE id = ANY($2)`, [partnerId, productIds])
  }

  async setReorderPoint(productId: string, reorderPoint: number) {
    return await this.atomicPhase_(async (manager) => {
      const rows = await manager.query(
        `UPDATE product SET reorder_point = $2 WHERE id = $1 AND deleted_at IS NULL RETURNING id, reorder_point`,
        [productId, reorderPoint]
      )
      const updated = rowsOf(rows)
      if (!updated.length) throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${productId} was not found`)
      return updated[0]
    })
  }

  private async productCounts(ids: string[]): Promise<Record<string, number>> {
    if (!ids.length) return {}
    const rows = await this.activeManager_.query(
      `SELECT partner_id, count(*)::int AS n FROM product WHERE partner_id = ANY($1) AND deleted_at IS NULL GROUP BY partner_id`,
      [ids]
    )
    return Object.fromEntries(rows.map((r: any) => [r.partner_id, r.n]))
  }

  private async assertHandleFree(manager: EntityManager, handle: string) {
    const existing = await this.repo(manager).findOne({ where: { handle } })
    if (existing) throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A partner with handle "${handle}" already exists`)
  }

  /**
   * The rules that need the database or DNS, on input whose shape the route checked
   * (lib/partner-input.ts): a handle made from the name when none is given, and webhook
   * and feed URLs that resolve to public addresses only.
   */
  private async prepare(input: PartnerInput, creating: boolean): Promise<PartnerFieldsInput> {
    const { webhook_enabled, product_ids, ...fields } = input
    const out: PartnerFieldsInput = { ...fields }
    if (creating && !out.handle) out.handle = slug(out.name!)
    const guard = { allowedHosts: this.settings_.webhookAllowedHosts }
    for (const key of ["webhook_url", "inventory_feed_url"] as const) {
      if (typeof out[key] !== "string") continue
      try {
        out[key] = (await assertSafeUrl(out[key] as string, guard)).toString()
      } catch (err) {
        if (err instanceof UnsafeUrlError) throw invalid(`${key}: ${err.message}`)
        throw err
      }
    }
    return out
  }
}

function slug(name: string) {
  return name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "")
}

/** Secrets never leave in plain after they are issued: the detail view names them by a hint. */
function adminView(p: Partner, withSecrets: boolean) {
  const { webhook_secrets, ...rest } = p
  return {
    ...rest,
    webhook_enabled: Boolean(p.webhook_url) && !p.webhook_disabled_at,
    ...(withSecrets ? { webhook_secrets: masked(webhook_secrets ?? []) } : { webhook_secret_count: (webhook_secrets ?? []).length }),
  }
}

export default PartnerService

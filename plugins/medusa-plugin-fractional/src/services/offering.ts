import { FractionalService } from "../lib/fractional-service"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { parseOfferingInput } from "../lib/offering-input"
import { ChainCallError, createOfferingArgs } from "../lib/shares-chain"
import { Offering } from "../models/offering"
import { closeOffering, nextChainOfferingId } from "../db/offering"

export const SHARE_PRODUCT_TYPE = "Fractional share"
export const ORG_SALES_CHANNEL = "pvabazaar.org"
/** Shares are not shipped: their products sit in this profile (`requires_shipping: false`, created by a migration). */
export const SHARES_SHIPPING_PROFILE = "sp_fractional_shares"

/** The offering as admins see it. */
export function offeringView(o: Offering) {
  return {
    id: o.id,
    title: o.title,
    artifact_product_id: o.artifact_product_id,
    twin_token_id: o.twin_token_id,
    product_id: o.product_id,
    variant_id: o.variant_id,
    total_shares: o.total_shares,
    prices: { usd: o.price_usd, eur: o.price_eur },
    investor_cap: o.investor_cap,
    lockup_until: o.lockup_until,
    status: o.status,
    chain_offering_id: o.chain_offering_id,
    open_tx_hash: o.open_tx_hash,
    open_error: o.open_error,
    opened_at: o.opened_at,
    sold: o.sold,
    reserved: o.reserved,
    remaining: o.total_shares - o.sold - o.reserved,
    created_at: o.created_at,
    updated_at: o.updated_at,
  }
}

/** Offerings: draft → open (created on chain, sold as a product on pvabazaar.org) → closed / sold out. */
class OfferingService extends FractionalService {
  private repo(manager: EntityManager = this.activeManager_) {
    return manager.getRepository(Offering)
  }

  async list(filter: { status?: string } = {}): Promise<Offering[]> {
    return this.repo().find({ where: filter.status ? { status: filter.status as any } : {}, order: { created_at: "DESC" } })
  }

  async retrieve(id: string): Promise<Offering> {
    const found = typeof id === "string" ? await this.repo().findOne({ where: { id } }) : null
    if (!found) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No offering ${id}`)
    return found
  }

  async retrieveByVariant(variantId: string): Promise<Offering | null> {
    return this.repo().findOne({ where: { variant_id: variantId } })
  }

  async create(body: unknown): Promise<Offering> {
    const input = parseOfferingInput(body)
    await this.checkArtifact(input.artifact_product_id)
    return this.atomicPhase_(async (manager) => {
      const repo = this.repo(manager)
      return repo.save(repo.create({ ...input, status: "draft", sold: 0, reserved: 0 }))
    })
  }

  /** Edits a draft; once open, the chain holds the share count and the lock-up, and neither changes. */
  async update(id: string, body: any): Promise<Offering> {
    const offering = await this.retrieve(id)
    if (offering.status !== "draft") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offering ${id} is ${offering.status}: only a draft can be edited`)
    }
    const input = parseOfferingInput(body, offering as any)
    await this.checkArtifact(input.artifact_product_id)
    return this.atomicPhase_(async (manager) => this.repo(manager).save({ ...offering, ...input }))
  }

  private async checkArtifact(productId: string | null) {
    if (!productId) return
    const [found] = await this.activeManager_.query(`SELECT id FROM product WHERE id = $1 AND deleted_at IS NULL`, [productId])
    if (!found) throw new MedusaError(MedusaError.Types.INVALID_DATA, `artifact_product_id ${productId} is not a product`)
  }

  /**
   * Creates the offering on chain with the ISSUER key (share count and lock-up date, which the
   * contract enforces on every holder-to-holder transfer), then its product on pvabazaar.org.
   * A failed transaction leaves the offering a draft with the error; opening again after a
   * failure later on reuses the on-chain offering instead of creating a second one.
   */
  async open(id: string): Promise<Offering> {
    let offering = await this.retrieve(id)
    if (offering.status !== "draft") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offering ${id} is ${offering.status}: only a draft can be opened`)
    }
    if (!offering.chain_offering_id) {
      const next = await nextChainOfferingId(this.activeManager_)
      offering = await this.repo().save({ ...offering, chain_offering_id: next })
    }
    const chainId = BigInt(offering.chain_offering_id!)
    if ((await this.chain.maxShares(chainId).catch(() => 0n)) === 0n) {
      try {
        const hash = await this.chain.sendAndConfirm("issuer", "createOffering", createOfferingArgs(offering))
        offering = await this.repo().save({ ...offering, open_tx_hash: hash, open_error: null })
      } catch (error) {
        const message = error instanceof ChainCallError ? error.message : `chain unreachable: ${(error as Error).message}`
        await this.repo().save({ ...offering, open_error: message })
        throw new OfferingChainError(`Offering ${id} stays a draft: createOffering failed: ${message}`)
      }
    }
    const { productId, variantId } = offering.product_id && offering.variant_id
      ? { productId: offering.product_id, variantId: offering.variant_id }
      : await this.createShareProduct(offering)
    return this.repo().save({ ...offering, product_id: productId, variant_id: variantId, status: "open", opened_at: new Date(), open_error: null })
  }

  async close(id: string): Promise<Offering> {
    const offering = await this.retrieve(id)
    if (offering.status !== "open") throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Offering ${id} is ${offering.status}: only an open offering can be closed`)
    if (!(await closeOffering(this.activeManager_, id))) throw new MedusaError(MedusaError.Types.CONFLICT, `Offering ${id} changed while closing it; try again`)
    return this.retrieve(id)
  }

  /** The product that carries the offering through Medusa's carts: one variant, the share price. */
  private async createShareProduct(offering: Offering): Promise<{ productId: string; variantId: string }> {
    const productService = this.container.productService
    const variantService = this.container.productVariantService
    const [[channel]] = await this.container.salesChannelService.listAndCount({ name: ORG_SALES_CHANNEL }, { take: 1 })
    if (!channel) throw new MedusaError(MedusaError.Types.NOT_FOUND, `No sales channel ${ORG_SALES_CHANNEL} to sell shares on`)
    const product = await productService.create({
      title: `Shares: ${offering.title}`,
      handle: `shares-${offering.id.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
      description: `Fractional shares of ${offering.title}: ${offering.total_shares} PVAShares tokens (offering ${offering.chain_offering_id}).`,
      status: "published",
      profile_id: SHARES_SHIPPING_PROFILE,
      is_giftcard: false,
      discountable: false,
      type: { value: SHARE_PRODUCT_TYPE },
      options: [{ title: "Share" }],
      sales_channels: [{ id: channel.id }],
      // The server's line limit: a cart may hold the whole offering; the per-investor cap (with its
      // own message saying what the customer holds) is the stricter rule, judged by this plugin.
      metadata: {
        fractional_offering_id: offering.id,
        chain_offering_id: offering.chain_offering_id,
        max_quantity_per_line: offering.total_shares,
      },
    })
    const [variant] = await variantService.create(product.id, [
      {
        title: "One share",
        // The offering's CHECK guards the count; Medusa's stock is not involved.
        manage_inventory: false,
        allow_backorder: false,
        inventory_quantity: 0,
        prices: [
          { currency_code: "usd", amount: offering.price_usd },
          { currency_code: "eur", amount: offering.price_eur },
        ],
        options: [{ option_id: product.options[0].id, value: "Share" }],
      },
    ])
    return { productId: product.id, variantId: variant.id }
  }
}

/** The chain refused or could not be reached: not the admin's input, reported as 502. */
export class OfferingChainError extends Error {
  readonly status = 502
}

export default OfferingService

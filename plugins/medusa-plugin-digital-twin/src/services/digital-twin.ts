import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import { metadataBytes, normalizeTraits, twinImageSvg, twinName } from "../lib/metadata"
import { TwinService } from "../lib/twin-service"
import type ContentStoreService from "./content-store"
import type TwinClaimService from "./twin-claim"
import type TwinRefundService from "./twin-refund"

export type TwinRow = {
  id: string
  token_id: string
  tag_id: string
  product_id: string | null
  order_id: string | null
  customer_id: string | null
  title: string
  metadata_cid: string
  metadata_digest: `0x${string}`
  image_cid: string
  status: "issued" | "bound" | "submitted" | "minted"
  claim_wallet: string | null
  owner_address: string | null
  voucher_deadline: string | null
  voucher_signature: string | null
  relay_tx_hash: string | null
  mint_tx_hash: string | null
  mint_block: string | null
  pinned_at: Date | null
  refunded_at: Date | null
  created_at: Date
}

/** Payment states in which an order's twins may exist and be claimed. */
export const PAID_ORDER_STATES = ["captured", "partially_refunded"]

export const TWIN_STATUSES = ["issued", "bound", "submitted", "minted"] as const

/** Twin-eligible pieces turn into twins when sold; this service creates and reads them. */
export default class DigitalTwinService extends TwinService {
  static identifier = "digitalTwinService"

  /** Units of twin-eligible pieces in the order: its twins-to-be (the capture policy asks). */
  async eligibleUnits(orderId: string): Promise<number> {
    const [{ units }] = await this.activeManager_.query(
      `SELECT COALESCE(sum(li.quantity), 0)::int AS units FROM line_item li
         JOIN product_variant v ON v.id = li.variant_id JOIN product p ON p.id = v.product_id
        WHERE li.order_id = $1 AND p.metadata->>'digital_twin' = 'true'`,
      [orderId]
    )
    return units
  }
  /**
   * One twin per unit of every twin-eligible item of the order, each with metadata in the
   * content store and a claim code emailed to the buyer, once the order is paid (a twin and
   * its code are not taken back). Re-delivered events create nothing twice.
   */
  async createForOrder(orderId: string): Promise<TwinRow[]> {
    const [order] = await this.activeManager_.query(`SELECT status, payment_status FROM "order" WHERE id = $1`, [orderId])
    if (!order || order.status === "canceled" || !PAID_ORDER_STATES.includes(order.payment_status)) return []
    const items: any[] = await this.activeManager_.query(
      `SELECT li.id AS line_item_id, li.quantity, li.variant_id, v.sku, p.id AS product_id, p.title, p.description, p.metadata,
              o.customer_id, o.email
         FROM line_item li
         JOIN "order" o ON o.id = li.order_id
         JOIN product_variant v ON v.id = li.variant_id
         JOIN product p ON p.id = v.product_id
        WHERE li.order_id = $1 AND p.metadata->>'digital_twin' = 'true'
        ORDER BY li.created_at, li.id`,
      [orderId]
    )
    const created: TwinRow[] = []
    for (const item of items) {
      for (let unit = 0; unit < item.quantity; unit++) {
        const twin = await this.atomicPhase_(async (manager) => {
          const [exists] = await manager.query(`SELECT id FROM digital_twin WHERE line_item_id = $1 AND unit_index = $2`, [item.line_item_id, unit])
          if (exists) return null
          const row = await this.withTransaction(manager).insertTwin({
            productId: item.product_id,
            variantId: item.variant_id,
            orderId,
            lineItemId: item.line_item_id,
            unit,
            customerId: item.customer_id,
            title: item.title,
            description: item.description,
            sku: item.sku,
            traits: item.metadata?.twin_traits,
          })
          await manager.query(`INSERT INTO digital_twin_event (twin_id, kind) VALUES ($1, 'sold')`, [row.id])
          return row
        })
        if (twin) created.push(twin)
      }
    }
    // Every twin of the order without a code gets one, so a redelivered event finishes what a
    // failed email left undone.
    const uncoded = await this.activeManager_.query(
      `SELECT t.id FROM digital_twin t
        WHERE t.order_id = $1 AND NOT EXISTS (SELECT 1 FROM digital_twin_claim_code k WHERE k.twin_id = t.id) ORDER BY t.token_id`,
      [orderId]
    )
    const claims: TwinClaimService = this.container_.twinClaimService
    try {
      for (const { id } of uncoded) await claims.issueCode(id)
    } finally {
      // A cancel or refund that landed while the twins were being made finds them settled too.
      await (this.container_.twinRefundService as TwinRefundService).settleOrder(orderId)
    }
    return created
  }

  /** Creates a twin (and its content) without an order: the seed's pieces, and orders above. */
  async insertTwin(spec: {
    productId: string | null
    variantId?: string | null
    orderId?: string | null
    lineItemId?: string | null
    unit?: number
    customerId: string | null
    title: string
    description?: string | null
    sku?: string | null
    traits: unknown
  }): Promise<TwinRow> {
    return this.atomicPhase_(async (manager) => {
      const [{ token_id }] = await manager.query(`SELECT nextval('digital_twin_token_id_seq')::text AS token_id`)
      const tagId = `${(spec.sku || "PVA").toUpperCase()}-${String(token_id).padStart(6, "0")}`
      const traits = normalizeTraits(spec.traits)
      const content: ContentStoreService = this.container_.contentStoreService.withTransaction(manager)
      const image = await content.put(twinImageSvg(spec.title, tagId, traits), "image/svg+xml")
      const metadata = await content.put(
        metadataBytes({ title: spec.title, description: spec.description, tagId, tokenId: token_id, traits, imageCid: image.cid, orgUrl: this.settings_.orgUrl }),
        "application/json"
      )
      const [row] = await manager.query(
        `INSERT INTO digital_twin (id, token_id, tag_id, product_id, variant_id, order_id, line_item_id, unit_index, customer_id, title,
                                   metadata_cid, metadata_digest, image_cid)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING *, token_id::text AS token_id`,
        [
          generateEntityId(undefined, "twin"),
          token_id,
          tagId,
          spec.productId,
          spec.variantId ?? null,
          spec.orderId ?? null,
          spec.lineItemId ?? null,
          spec.unit ?? 0,
          spec.customerId,
          spec.title,
          metadata.cid,
          metadata.digest,
          image.cid,
        ]
      )
      await manager.query(`INSERT INTO digital_twin_event (twin_id, kind) VALUES ($1, 'created')`, [row.id])
      return row
    })
  }

  async byTokenId(tokenId: string): Promise<TwinRow | null> {
    const [row] = await this.activeManager_.query(`SELECT *, token_id::text AS token_id FROM digital_twin WHERE token_id = $1`, [tokenId])
    return row ?? null
  }

  /**
   * The piece behind each twin, as other plugins show it next to a token (the market's
   * listings): product handle, title and thumbnail, keyed by token id. One query per page.
   */
  async artifactsByTokenId(tokenIds: string[]): Promise<Map<string, { handle: string | null; title: string; thumbnail: string | null }>> {
    // Token ids are uint256 on chain; the store's twins are numbered within bigint.
    const storeIds = tokenIds.filter((id) => /^[0-9]{1,18}$/.test(id))
    if (!storeIds.length) return new Map()
    const rows: Array<{ token_id: string; handle: string | null; title: string; thumbnail: string | null }> = await this.activeManager_.query(
      `SELECT t.token_id::text AS token_id, p.handle, t.title, p.thumbnail
         FROM digital_twin t LEFT JOIN product p ON p.id = t.product_id
        WHERE t.token_id = ANY($1::bigint[])`,
      [storeIds]
    )
    return new Map(rows.map((r) => [r.token_id, { handle: r.handle, title: r.title, thumbnail: r.thumbnail }]))
  }

  async byId(id: string): Promise<TwinRow | null> {
    const [row] = await this.activeManager_.query(`SELECT *, token_id::text AS token_id FROM digital_twin WHERE id = $1`, [id])
    return row ?? null
  }

  async list(opts: { limit: number; offset: number; status?: string; customerId?: string }): Promise<{ twins: TwinRow[]; count: number }> {
    const where: string[] = []
    const params: unknown[] = []
    if (opts.status) {
      params.push(opts.status)
      where.push(`status = $${params.length}`)
    }
    if (opts.customerId) {
      params.push(opts.customerId)
      where.push(`customer_id = $${params.length}`)
    }
    const filter = where.length ? `WHERE ${where.join(" AND ")}` : ""
    const twins = await this.activeManager_.query(
      `SELECT *, token_id::text AS token_id FROM digital_twin ${filter} ORDER BY digital_twin.token_id LIMIT ${opts.limit} OFFSET ${opts.offset}`,
      params
    )
    const [{ count }] = await this.activeManager_.query(`SELECT count(*)::int AS count FROM digital_twin ${filter}`, params)
    return { twins, count }
  }

  /** Provenance in the order it happened: store events by time, chain events by block and log. */
  async timeline(twinId: string) {
    return this.activeManager_.query(
      `SELECT kind, from_address, to_address, tx_hash, block_number::int AS block_number, log_index, data, occurred_at
         FROM digital_twin_event WHERE twin_id = $1 ORDER BY occurred_at, id`,
      [twinId]
    )
  }

  /** Public view of a twin: the piece and the chain, never the buyer, the order or a claim in progress. */
  publicView(twin: TwinRow) {
    const contract = safe(() => this.container_.twinChainService.twinAddress())
    return {
      token_id: twin.token_id,
      tag_id: twin.tag_id,
      name: twinName(twin.title),
      title: twin.title,
      product_id: twin.product_id,
      status: twin.status,
      owner: twin.status === "minted" ? twin.owner_address : null,
      chain_id: this.settings_.chainId,
      contract_address: contract,
      token_uri: `ipfs://${twin.metadata_cid}`,
      metadata_cid: twin.metadata_cid,
      metadata_url: `/ipfs/${twin.metadata_cid}`,
      image_cid: twin.image_cid,
      image_url: `/ipfs/${twin.image_cid}`,
      mint_tx_hash: twin.status === "minted" ? twin.mint_tx_hash : null,
      mint_block: twin.status === "minted" && twin.mint_block ? Number(twin.mint_block) : null,
      refunded: Boolean(twin.refunded_at),
    }
  }

  /** What the buyer sees in their account on top of the public view. */
  ownerView(twin: TwinRow) {
    return {
      ...this.publicView(twin),
      id: twin.id,
      claim_wallet: twin.claim_wallet,
      voucher_deadline: twin.voucher_deadline ? Number(twin.voucher_deadline) : null,
      relay_tx_hash: twin.relay_tx_hash,
      claimable: twin.status !== "minted" && !twin.refunded_at,
      refunded: Boolean(twin.refunded_at),
    }
  }
}

function safe<T>(f: () => T): T | null {
  try {
    return f()
  } catch {
    return null
  }
}

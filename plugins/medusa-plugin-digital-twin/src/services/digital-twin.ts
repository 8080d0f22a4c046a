import { generateEntityId } from "@medusajs/medusa/dist/utils/generate-entity-id"
import { metadataBytes, normalizeTraits, twinImageSvg, twinName } from "../lib/metadata"
import { TwinService } from "../lib/twin-service"
import type ContentStoreService from "./content-store"
import type TwinClaimService from "./twin-claim"
import type TwinRefundService from "./twin-refund"
import { insertTwin, listTwins, nextTokenId, twinById, twinByTokenId, uncodedTwinIdsOfOrder, unitHasTwin, type TwinRow } from "../db/digital-twin"
import { recordTwinEvent, timelineOf, type TimelineEntry } from "../db/digital-twin-event"
import { eligibleItemsOf, eligibleUnitsOf, orderState, PAID_ORDER_STATES } from "../db/medusa-core"

/** One twin per sold unit: the unique key on (line_item_id, unit_index). */
const TWIN_PER_UNIT_KEY = "digital_twin_line_item_id_unit_index_key"
const UNIQUE_VIOLATION = "23505"

/** Whether `error` is Postgres refusing a second row under `constraint` (TypeORM keeps the driver's fields on the error). */
function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  if (typeof error !== "object" || error === null) return false
  const fields = error as { code?: unknown; constraint?: unknown; driverError?: { code?: unknown; constraint?: unknown } }
  const code = fields.code ?? fields.driverError?.code
  const name = fields.constraint ?? fields.driverError?.constraint
  return code === UNIQUE_VIOLATION && name === constraint
}

/** Twin-eligible pieces turn into twins when sold; this service creates and reads them. */
export default class DigitalTwinService extends TwinService {
  static identifier = "digitalTwinService"

  /** Units of twin-eligible pieces in the order: its twins-to-be (the capture policy asks). */
  async eligibleUnits(orderId: string): Promise<number> {
    return eligibleUnitsOf(this.activeManager_, orderId)
  }
  /**
   * One twin per unit of every twin-eligible item of the order, each with metadata in the
   * content store and a claim code emailed to the buyer, once the order is paid (a twin and
   * its code are not taken back). Re-delivered events create nothing twice.
   */
  async createForOrder(orderId: string): Promise<TwinRow[]> {
    const order = await orderState(this.activeManager_, orderId)
    if (!order || order.status === "canceled" || !PAID_ORDER_STATES.includes(order.payment_status)) return []
    const items = await eligibleItemsOf(this.activeManager_, orderId)
    const created: TwinRow[] = []
    for (const item of items) {
      for (let unit = 0; unit < item.quantity; unit++) {
        const twin = await this.atomicPhase_(async (manager) => {
          if (await unitHasTwin(manager, item.line_item_id, unit)) return null
          // A copy of this event handled at the same moment may insert the unit's twin first:
          // the unique key keeps one, and this handler takes it as already made (below).
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
          await recordTwinEvent(manager, row.id, "sold")
          return row
        }).catch((error: unknown) => {
          if (isUniqueViolationOf(error, TWIN_PER_UNIT_KEY)) return null
          throw error
        })
        if (twin) created.push(twin)
      }
    }
    // Every twin of the order without a code gets one, so a redelivered event finishes what a
    // failed email left undone.
    const uncoded = await uncodedTwinIdsOfOrder(this.activeManager_, orderId)
    const claims: TwinClaimService = this.container_.twinClaimService
    try {
      // Only if still uncoded under the twin's row lock: a concurrent copy may have coded it meanwhile.
      for (const id of uncoded) await claims.issueCode(id, { unlessCoded: true })
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
      const token_id = await nextTokenId(manager)
      const tagId = `${(spec.sku || "PVA").toUpperCase()}-${String(token_id).padStart(6, "0")}`
      const traits = normalizeTraits(spec.traits)
      const content: ContentStoreService = this.container_.contentStoreService.withTransaction(manager)
      const image = await content.put(twinImageSvg(spec.title, tagId, traits), "image/svg+xml")
      const metadata = await content.put(
        metadataBytes({ title: spec.title, description: spec.description, tagId, tokenId: token_id, traits, imageCid: image.cid, orgUrl: this.settings_.orgUrl }),
        "application/json"
      )
      const row = await insertTwin(manager, {
        id: generateEntityId(undefined, "twin"),
        token_id,
        tag_id: tagId,
        product_id: spec.productId,
        variant_id: spec.variantId ?? null,
        order_id: spec.orderId ?? null,
        line_item_id: spec.lineItemId ?? null,
        unit_index: spec.unit ?? 0,
        customer_id: spec.customerId,
        title: spec.title,
        metadata_cid: metadata.cid,
        metadata_digest: metadata.digest,
        image_cid: image.cid,
      })
      await recordTwinEvent(manager, row.id, "created")
      return row
    })
  }

  async byTokenId(tokenId: string): Promise<TwinRow | null> {
    return twinByTokenId(this.activeManager_, tokenId)
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
    return twinById(this.activeManager_, id)
  }

  async list(opts: { limit: number; offset: number; status?: string; customerId?: string }): Promise<{ twins: TwinRow[]; count: number }> {
    return listTwins(this.activeManager_, opts)
  }

  /** Provenance in the order it happened: store events by time, chain events by block and log. */
  async timeline(twinId: string): Promise<TimelineEntry[]> {
    return timelineOf(this.activeManager_, twinId)
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

import { TransactionBaseService } from "@medusajs/medusa"
import { ARCHETYPES, categoryIdsOfArchetype, type Archetype } from "@pva/medusa-plugin-archetype"
import { approvedPartnerByHandle, approvedPartnersByHandles, type PublicPartner } from "@pva/medusa-plugin-partners"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"
import { MeilisearchCatalogEngine } from "../engines/meilisearch"
import { PostgresCatalogEngine } from "../engines/postgres"
import { readCatalogConfig, type CatalogPluginOptions } from "../lib/config"
import { type CatalogEngine, type EngineResult, type ResolvedCatalogQuery, priceBuckets } from "../lib/catalog-engine"
import type { CatalogParams } from "../lib/catalog-params"
import { PreparedAnswer } from "../lib/prepared-answer"
import { catalogResults } from "../lib/result-cache"
import { TtlCache } from "../lib/ttl-cache"

const invalid = (message: string) => new MedusaError(MedusaError.Types.INVALID_DATA, message)
const NAMES_TTL_MS = 5000

type Region = { id: string; currency_code: string }
type Category = { id: string; name: string; handle: string }
type Partner = PublicPartner

/** The storefronts' catalog: resolves names to ids, asks the engine, names the facets. */
class CatalogService extends TransactionBaseService {
  private readonly regions = new TtlCache<Region | null>(NAMES_TTL_MS)
  private readonly categories = new TtlCache<Category | null>(NAMES_TTL_MS)
  private readonly collections = new TtlCache<string | null>(NAMES_TTL_MS)
  private readonly archetypes = new TtlCache<string[]>(NAMES_TTL_MS)
  private readonly categoryNames = new TtlCache<Category[]>(NAMES_TTL_MS)
  private readonly partners = new TtlCache<Partner | null>(NAMES_TTL_MS)
  private readonly partnerNames = new TtlCache<Partner[]>(NAMES_TTL_MS)
  private engine_?: CatalogEngine

  constructor(container: { manager: EntityManager }, options: CatalogPluginOptions = {}) {
    super(container)
    const { meilisearch } = readCatalogConfig(options)
    if (meilisearch) this.engine_ = new MeilisearchCatalogEngine(meilisearch)
  }

  private get engine(): CatalogEngine {
    this.engine_ ??= new PostgresCatalogEngine(this.manager_)
    return this.engine_
  }

  /** The answer to a storefront's query, serialized once per read-model generation and reused. */
  async answer(params: CatalogParams, salesChannelIds: string[]): Promise<PreparedAnswer> {
    const region = await this.region(params.regionId)
    const resolved: ResolvedCatalogQuery = { ...params, salesChannelIds, regionId: region.id, currencyCode: region.currency_code }
    if (params.category) resolved.categoryId = (await this.category(params.category)).id
    if (params.collection) resolved.collectionId = await this.collection(params.collection)
    if (params.partner) resolved.partnerHandle = (await this.partner(params.partner)).handle
    if (params.archetype) resolved.archetypeCategoryIds = await this.archetypeCategories(params.archetype)
    return catalogResults.get(`${this.engine.name}:${JSON.stringify(resolved)}`, async () =>
      new PreparedAnswer(await this.body(resolved, await this.engine.search(resolved)))
    )
  }

  private async body(query: ResolvedCatalogQuery, result: EngineResult) {
    const named = await this.namedCategories(Object.keys(result.categoryCounts))
    const partners = await this.namedPartners(Object.keys(result.partnerCounts))
    return {
      products: result.products,
      count: result.count,
      page: query.page,
      limit: query.limit,
      region_id: query.regionId,
      currency_code: query.currencyCode,
      engine: this.engine.name,
      facets: {
        categories: named
          .map((c) => ({ ...c, count: result.categoryCounts[c.id] }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
        partners: partners
          .map((p) => ({ ...p, count: result.partnerCounts[p.handle] }))
          .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
        price: priceBuckets(result.priceBucketCounts, query.currencyCode),
        in_stock: result.inStock,
      },
    }
  }

  private async region(regionId?: string): Promise<Region> {
    const region = await this.regions.get(regionId ?? "", async () => {
      const [row] = regionId
        ? await this.manager_.query(`SELECT id, currency_code FROM region WHERE id = $1 AND deleted_at IS NULL`, [regionId])
        : await this.manager_.query(
            `SELECT r.id, r.currency_code FROM region r LEFT JOIN store s ON s.default_currency_code = r.currency_code
              WHERE r.deleted_at IS NULL ORDER BY (s.id IS NULL), r.created_at LIMIT 1`
          )
      return row ?? null
    })
    if (!region) throw invalid(regionId ? `region_id: no region "${regionId}"` : "region_id is required: the store has no region")
    return region
  }

  private async category(idOrHandle: string): Promise<Category> {
    const category = await this.categories.get(idOrHandle, async () => {
      const [row] = await this.manager_.query(
        `SELECT id, name, handle FROM product_category WHERE (id = $1 OR handle = $1) AND is_active AND NOT is_internal LIMIT 1`,
        [idOrHandle]
      )
      return row ?? null
    })
    if (!category) throw invalid(`category: no category with id or handle "${idOrHandle}"`)
    return category
  }

  private async collection(idOrHandle: string): Promise<string> {
    const id = await this.collections.get(idOrHandle, async () => {
      const [row] = await this.manager_.query(
        `SELECT id FROM product_collection WHERE (id = $1 OR handle = $1) AND deleted_at IS NULL LIMIT 1`,
        [idOrHandle]
      )
      return row?.id ?? null
    })
    if (!id) throw invalid(`collection: no collection with id or handle "${idOrHandle}"`)
    return id
  }

  /** Only partners whose pieces the catalog shows: approved and active (as the read model). */
  private async partner(handle: string): Promise<Partner> {
    const partner = await this.partners.get(handle, () => approvedPartnerByHandle(this.manager_, handle))
    if (!partner) throw invalid(`partner: no partner with handle "${handle}"`)
    return partner
  }

  private async namedPartners(handles: string[]): Promise<Partner[]> {
    if (!handles.length) return []
    return this.partnerNames.get([...handles].sort().join(","), () =>
      approvedPartnersByHandles(this.manager_, handles)
    )
  }

  private async archetypeCategories(archetype: string): Promise<string[]> {
    if (!(ARCHETYPES as readonly string[]).includes(archetype)) throw invalid(`archetype must be one of ${ARCHETYPES.join(", ")}`)
    // Narrowed by the check above.
    return this.archetypes.get(archetype, () => categoryIdsOfArchetype(this.manager_, archetype as Archetype))
  }

  private async namedCategories(ids: string[]): Promise<Category[]> {
    if (!ids.length) return []
    const key = [...ids].sort().join(",")
    return this.categoryNames.get(key, () =>
      this.manager_.query(`SELECT id, name, handle FROM product_category WHERE id = ANY($1::text[]) AND is_active AND NOT is_internal`, [ids])
    )
  }
}

export default CatalogService

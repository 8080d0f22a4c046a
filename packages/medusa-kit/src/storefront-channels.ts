import type { MedusaRequest } from "@medusajs/medusa"
import { LRUCache } from "lru-cache"
import { MedusaError } from "medusa-core-utils"
import type { EntityManager } from "typeorm"

/**
 * The sales channels of the storefront asking, from its publishable key. Medusa 1.20's own
 * `publishableApiKeyScopes` is attached only on its carts, products and variants routes and
 * does not check that the key is unrevoked, so plugin routes ask here. Cached briefly (the key
 * is on every request) and bounded (a client sending random keys cannot grow the cache): a
 * revoked key stops working within a minute.
 */
const channelsByKey = new LRUCache<string, string[]>({ max: 1_000, ttl: 60_000 })

export async function storefrontSalesChannels(req: MedusaRequest): Promise<string[]> {
  const key = req.get("x-publishable-api-key")
  if (!key) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "x-publishable-api-key header is required: it says which storefront is asking")
  }
  const cached = channelsByKey.get(key)
  if (cached) return cached

  const manager: EntityManager = req.scope.resolve("manager")
  const rows: Array<{ sales_channel_id: string }> = await manager.query(
    `SELECT s.sales_channel_id FROM publishable_api_key k
       JOIN publishable_api_key_sales_channel s ON s.publishable_key_id = k.id AND s.deleted_at IS NULL
      WHERE k.id = $1 AND k.revoked_at IS NULL`,
    [key]
  )
  if (rows.length === 0) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "x-publishable-api-key is not a valid, unrevoked publishable key with a sales channel")
  }
  const ids = rows.map((r) => r.sales_channel_id)
  channelsByKey.set(key, ids)
  return ids
}

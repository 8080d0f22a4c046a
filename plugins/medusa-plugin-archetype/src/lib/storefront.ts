import type { MedusaRequest } from "@medusajs/medusa"
import { MedusaError } from "medusa-core-utils"

const CACHE_MS = 60_000
const channelsByKey = new Map<string, { ids: string[]; at: number }>()

/**
 * The sales channels of the storefront asking, from its publishable key. Cached
 * briefly: the key is on every request, and a revoked key stops working within a minute.
 */
export async function storefrontSalesChannels(req: MedusaRequest): Promise<string[]> {
  const key = req.get("x-publishable-api-key")
  if (!key) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "x-publishable-api-key header is required: it says which storefront is asking")
  }
  const cached = channelsByKey.get(key)
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.ids

  const manager = req.scope.resolve("manager")
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
  channelsByKey.set(key, { ids, at: Date.now() })
  return ids
}

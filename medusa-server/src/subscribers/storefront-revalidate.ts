import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { CATALOG_PRODUCTS_CHANGED } from "@pva/medusa-plugin-catalog"
import { readServerEnv } from "../config/env"
import { revalidationTags } from "../lib/revalidation-tags"

const TIMEOUT_MS = 5000
/** Changes within this window share one call: an import of 500 products is one revalidation, not 1,000. */
const COALESCE_MS = 250

type Pending = { productIds: Set<string>; all: boolean; lists: Set<string> }
let pending: Pending | null = null
let scheduled: Promise<void> | null = null

/**
 * Storefronts cache product pages by tag (`product:<id>`); when the catalog read model
 * has refreshed products, each configured storefront drops exactly those pages. A
 * checkout therefore drops the pages of what it sold, never the whole catalog.
 * A storefront that is down only misses this nudge: its cache expires on its own.
 */
export default async function revalidateStorefronts({ data, eventName, container }: SubscriberArgs<any>) {
  if (!readServerEnv().storefrontRevalidation.urls.length) return
  pending ??= { productIds: new Set(), all: false, lists: new Set() }
  // The local event bus passes no event name, so the change is read from the payload.
  if (Array.isArray(data?.product_ids)) {
    if (data.all) pending.all = true
    for (const id of data.product_ids) pending.productIds.add(id)
  } else if (typeof data?.id === "string" && data.id.startsWith("pcat_")) {
    pending.lists.add("categories")
  } else if (typeof data?.id === "string" && data.id.startsWith("pcol_")) {
    pending.lists.add("collections")
  }
  scheduled ??= new Promise((resolve) => setTimeout(resolve, COALESCE_MS)).then(() => {
    const batch = pending!
    pending = null
    scheduled = null
    return notify(container, eventName ?? "a catalog change", revalidationTags(batch))
  })
  return scheduled
}

async function notify(container: any, eventName: string, tags: string[]) {
  if (!tags.length) return
  const { urls, secret } = readServerEnv().storefrontRevalidation
  const logger = container.resolve("logger")
  await Promise.all(
    urls.map(async (url) => {
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-revalidate-secret": secret },
          body: JSON.stringify({ tags }),
          signal: AbortSignal.timeout(TIMEOUT_MS),
          redirect: "error",
        })
        if (!res.ok) logger.warn(`storefront revalidation after ${eventName}: ${url} answered ${res.status}`)
      } catch (err: any) {
        logger.warn(`storefront revalidation after ${eventName}: ${url} unreachable (${err.message})`)
      }
    })
  )
}

export const config: SubscriberConfig = {
  event: [
    CATALOG_PRODUCTS_CHANGED,
    "product-category.created",
    "product-category.updated",
    "product-category.deleted",
    "product-collection.created",
    "product-collection.updated",
    "product-collection.deleted",
  ],
  context: { subscriberId: "pva-storefront-revalidate" },
}

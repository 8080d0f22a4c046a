import type { SubscriberArgs, SubscriberConfig } from "@medusajs/medusa"
import { readServerEnv } from "../config/env"

const TIMEOUT_MS = 5000
/** Changes within this window share one call: an import of 500 products is one revalidation, not 1,000. */
const COALESCE_MS = 250

let scheduled: Promise<void> | null = null

/**
 * Storefronts cache catalog pages by tag; a product change tells each configured
 * storefront to drop its "products" entries, so shoppers see it on the next request.
 * A storefront that is down only misses this nudge: its cache expires on its own.
 */
export default async function revalidateStorefronts({ container, eventName }: SubscriberArgs<unknown>) {
  if (!readServerEnv().storefrontRevalidation.urls.length) return
  scheduled ??= new Promise((resolve) => setTimeout(resolve, COALESCE_MS)).then(() => {
    scheduled = null
    return notify(container, eventName)
  })
  return scheduled
}

async function notify(container: any, eventName: string) {
  const { urls, secret } = readServerEnv().storefrontRevalidation
  const logger = container.resolve("logger")
  await Promise.all(
    urls.map(async (url) => {
      try {
        const res = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-revalidate-secret": secret },
          body: JSON.stringify({ tags: ["products"] }),
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
  event: ["product.created", "product.updated", "product.deleted", "product-variant.updated", "product-variant.created", "product-variant.deleted"],
  context: { subscriberId: "pva-storefront-revalidate" },
}

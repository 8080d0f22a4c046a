import type { MetadataRoute } from "next"
import { robotsRules } from "@pva/storefront-core"
import { shopUrl } from "@/lib/seo"

export const dynamic = "force-dynamic"

/** Crawlers index the catalog, not a shopper's cart, checkout or account. */
export default function robots(): MetadataRoute.Robots {
  return robotsRules(shopUrl(), ["/checkout", "/account", "/cart", "/order", "/api/"])
}

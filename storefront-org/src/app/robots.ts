import type { MetadataRoute } from "next"
import { robotsRules } from "@pva/storefront-core"
import { orgUrl } from "@/lib/seo"

export const dynamic = "force-dynamic"

/** Crawlers index artifacts and offerings, not a collector's account, checkout or claim. */
export default function robots(): MetadataRoute.Robots {
  return robotsRules(orgUrl(), ["/account", "/checkout", "/claim", "/order"])
}

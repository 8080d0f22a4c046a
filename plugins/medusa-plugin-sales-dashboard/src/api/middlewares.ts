import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { clientIp, onMethod, RateLimiters, refuseOverLimit, storeCors } from "@pva/medusa-kit"
import { DEFAULT_PRODUCT_VIEWS_PER_MINUTE, type SalesDashboardPluginOptions } from "../lib/settings"

let limiters: RateLimiters | undefined

/** A client may record a bounded number of product views a minute, so a script cannot inflate the funnel cheaply. */
function limitProductViews(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const options = pluginOptions(req)
  limiters ??= new RateLimiters({ redisUrl: options.redisUrl })
  const limiter = limiters.limiter("product-views", options.productViewsPerMinute ?? DEFAULT_PRODUCT_VIEWS_PER_MINUTE, 60)
  refuseOverLimit(req, res, [{ name: "product view", counted: "requests", limiter, keyOf: clientIp }]).then(
    (refused) => refused || next(),
    next
  )
}

function pluginOptions(req: MedusaRequest): SalesDashboardPluginOptions {
  const config = req.scope.resolve<{ plugins: Array<string | { resolve: string; options?: SalesDashboardPluginOptions }> }>("configModule")
  const entry = config.plugins.find((p) => typeof p !== "string" && p.resolve === "@pva/medusa-plugin-sales-dashboard")
  return (typeof entry === "object" && entry.options) || {}
}

export const config: MiddlewaresConfig = {
  routes: [{ matcher: "/store/product-views", middlewares: [storeCors, onMethod("POST", limitProductViews)] }],
}

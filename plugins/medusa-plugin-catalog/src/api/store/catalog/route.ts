import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import { storefrontSalesChannels } from "@pva/medusa-plugin-archetype"
import { MedusaError } from "medusa-core-utils"
import { CatalogParamError, parseCatalogParams } from "../../../lib/catalog-params"
import type CatalogService from "../../../services/catalog"

/** `GET /store/catalog`: search, filter, sort and facet the storefront's products in its region's currency. */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  let params
  try {
    params = parseCatalogParams(req.query as Record<string, unknown>)
  } catch (err) {
    if (err instanceof CatalogParamError) throw new MedusaError(MedusaError.Types.INVALID_DATA, err.message)
    throw err
  }
  const salesChannelIds = await storefrontSalesChannels(req)
  const catalog: CatalogService = req.scope.resolve("catalogService")
  const answer = await catalog.answer(params, salesChannelIds)
  // public, the same for every shopper of a storefront: a CDN or the storefront may keep it briefly
  res.set("cache-control", "public, max-age=1")
  res.set("content-type", "application/json; charset=utf-8")
  res.set("etag", answer.etag)
  res.vary("accept-encoding")
  if (req.fresh) return void res.status(304).end()
  // the cached answer's own bytes: no serializing or compressing per request
  const gzip = answer.gzip && req.acceptsEncodings("gzip", "identity") === "gzip" ? answer.gzip : undefined
  if (gzip) res.set("content-encoding", "gzip")
  const body = gzip ?? answer.json
  res.set("content-length", String(body.length))
  res.end(body)
}

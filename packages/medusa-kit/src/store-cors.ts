import type { ConfigModule, MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import cors from "cors"
import { parseCorsOrigins } from "medusa-core-utils"

type Step = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Medusa's CORS for a path that carries middleware of ours: Express answers a browser's
 * preflight on such a path itself, without CORS headers, when a router holds a route for
 * the path under another method, and Medusa's own CORS comes later. Put this step first.
 */
function corsFromConfig(key: "store_cors" | "admin_cors"): Step {
  let handler: ReturnType<typeof cors> | undefined
  return (req, res, next) => {
    handler ??= cors({ origin: parseCorsOrigins(req.scope.resolve<ConfigModule>("configModule").projectConfig[key] || ""), credentials: true })
    return handler(req, res, next)
  }
}

export const storeCors = corsFromConfig("store_cors")
export const adminCors = corsFromConfig("admin_cors")

/**
 * `step` for one HTTP method only, on a method-free matcher. A matcher with `method` makes
 * Express hold a method-specific route there, and Express then answers a browser's preflight
 * on that path itself, before any CORS; a plain step that skips other methods leaves
 * preflights to Medusa's CORS.
 */
export function onMethod(method: string, step: Step): Step {
  return (req, res, next) => (req.method === method ? step(req, res, next) : next())
}

import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import cors from "cors"
import { parseCorsOrigins } from "medusa-core-utils"

type Step = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => void

/**
 * Medusa's CORS for a path that carries middleware of ours: Express answers a browser's
 * preflight on such a path itself, without CORS headers, when a router holds a route for
 * the path under another method, and Medusa's own CORS comes later. Put this step first.
 */
function corsFromConfig(key: "store_cors" | "admin_cors"): Step {
  let handler: ReturnType<typeof cors> | undefined
  return (req, res, next) => {
    handler ??= cors({ origin: parseCorsOrigins(req.scope.resolve<any>("configModule").projectConfig[key] || ""), credentials: true })
    return handler(req as any, res as any, next)
  }
}

export const storeCors = corsFromConfig("store_cors")
export const adminCors = corsFromConfig("admin_cors")

import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import cors from "cors"
import { parseCorsOrigins } from "medusa-core-utils"

let handler: ReturnType<typeof cors> | undefined

/**
 * The store's CORS, for paths this plugin adds middleware to: Express answers a
 * browser's preflight on such a path itself, without CORS headers, unless one
 * comes first.
 */
export function storeCors(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  handler ??= cors({ origin: parseCorsOrigins(req.scope.resolve<any>("configModule").projectConfig.store_cors || ""), credentials: true })
  return handler(req as any, res as any, next)
}

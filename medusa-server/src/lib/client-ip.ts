import type { NextFunction, Request, Response } from "express"
import { clientIp } from "@pva/medusa-kit"

/**
 * Medusa asks request-ip for the client (request_context, a cart's context.ip), and
 * request-ip believes any forwarding header, x-client-ip first: both get the address
 * Express trusts under TRUST_PROXY (`clientIp`, the one rate limits count by).
 */
export function clientIpInRequestContext(req: Request, _res: Response, next: NextFunction) {
  const ip = clientIp(req)
  req.headers["x-client-ip"] = ip
  const context = (req as any).request_context
  if (context) context.ip_address = ip
  next()
}

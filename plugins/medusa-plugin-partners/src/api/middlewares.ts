import type { MedusaNextFunction, MedusaRequest, MedusaResponse, MiddlewaresConfig } from "@medusajs/medusa"
import { exposePartnerOnProducts } from "../lib/partner-on-products"

type Step = (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => unknown

/**
 * Express answers a preflight itself, before the app's CORS step, on a path that has a
 * method-specific route; a plain middleware that acts only on GET leaves preflights alone.
 */
const onGet = (step: Step): Step => (req, res, next) => (req.method === "GET" ? step(req, res, next) : next())

export const config: MiddlewaresConfig = {
  routes: [
    // Prefix matches: the product list and each product (other GETs below them answer without `product(s)`).
    { matcher: "/store/products", middlewares: [onGet(exposePartnerOnProducts("store"))] },
    { matcher: "/admin/products", middlewares: [onGet(exposePartnerOnProducts("admin"))] },
  ],
}

import type { MiddlewaresConfig } from "@medusajs/medusa"
import { onMethod } from "@pva/medusa-kit"
import { exposePartnerOnProducts } from "../lib/partner-on-products"

// onMethod, not a `method` matcher: browsers' preflights on these paths stay Medusa's.
const onGet = (step: Parameters<typeof onMethod>[1]) => onMethod("GET", step)

export const config: MiddlewaresConfig = {
  routes: [
    // Prefix matches: the product list and each product (other GETs below them answer without `product(s)`).
    { matcher: "/store/products", middlewares: [onGet(exposePartnerOnProducts("store"))] },
    { matcher: "/admin/products", middlewares: [onGet(exposePartnerOnProducts("admin"))] },
  ],
}

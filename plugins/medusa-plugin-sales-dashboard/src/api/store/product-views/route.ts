import type { MedusaRequest, MedusaResponse } from "@medusajs/medusa"
import type { EntityManager } from "typeorm"
import { recordProductView } from "../../../db/product-views"

/**
 * POST /store/product-views { product_id }: a storefront says a product page was seen.
 * Counted per product and day only (the funnel's "viewed" stage); limited per client in
 * middlewares.ts. 204 when counted, 404 for no such published product.
 */
export const POST = async (req: MedusaRequest, res: MedusaResponse) => {
  const body: unknown = req.body
  const productId = body && typeof body === "object" ? (body as Record<string, unknown>).product_id : undefined
  if (typeof productId !== "string" || !/^prod_[A-Za-z0-9]{1,60}$/.test(productId)) {
    return res.status(400).json({ type: "invalid_data", message: "product_id must be a product id such as prod_01H…" })
  }
  const manager: EntityManager = req.scope.resolve("manager")
  if (!(await recordProductView(manager, productId))) {
    return res.status(404).json({ type: "not_found", message: `No published product ${productId}` })
  }
  res.sendStatus(204)
}

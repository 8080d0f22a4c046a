import type { MedusaRequest } from "@medusajs/medusa"
import { amendJsonResponse } from "@pva/medusa-kit"

/**
 * Adds each product's partner (name, country, handle) to product responses: one query per
 * response, for the products in it. Store responses name only approved, active partners.
 *
 * Why a response hook and not Medusa 1.20's extension point (a Product entity extended with a
 * `partner` relation, added to `allowedStoreProductsRelations`/`defaultStoreProductsRelations`
 * from a loader): a relation joins whatever partner the product has, so a pending or rejected
 * partner would be named in the store, and the store serializes the related entity whole,
 * sealed webhook secrets, payout reference and contact email included, unless every field is
 * also listed. It would also mean replacing Medusa's Product entity and repository for one
 * join. A route of our own would cost the product page a second request. This amendment keeps
 * the store's choice of fields here, in one place.
 */
export function exposePartnerOnProducts(scope: "store" | "admin") {
  return amendJsonResponse(async (body: any, req) => {
    const products: any[] = Array.isArray(body?.products) ? body.products : body?.product ? [body.product] : []
    const ids = products.map((p) => p?.id).filter((id) => typeof id === "string")
    if (!ids.length) return
    const rows: any[] = await (req as MedusaRequest).scope.resolve<any>("manager").query(
      `SELECT p.id AS product_id, p.reorder_point, pa.id, pa.name, pa.country, pa.country_code, pa.handle
         FROM product p LEFT JOIN partner pa ON pa.id = p.partner_id
          ${scope === "store" ? "AND pa.status = 'approved' AND pa.is_active" : ""}
        WHERE p.id = ANY($1)`,
      [ids]
    )
    const byProduct = new Map(rows.map((r) => [r.product_id, r]))
    for (const product of products) {
      const row = byProduct.get(product?.id)
      const partner = row?.id ? { name: row.name, country: row.country, country_code: row.country_code, handle: row.handle } : null
      product.partner = scope === "admin" && partner ? { id: row.id, ...partner } : partner
      if (scope === "admin") {
        product.partner_id = row?.id ?? null
        product.reorder_point = row?.reorder_point ?? null
      }
    }
  })
}

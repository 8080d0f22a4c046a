import type { NextFunction, Request, Response } from "express"

/**
 * Adds each product's partner (name, country, handle) to product responses.
 * Medusa's product routes pick response fields from fixed lists, so the partner
 * is joined onto the JSON body on its way out: one query per response, for the
 * products in it. Store responses name only approved, active partners.
 */
export function exposePartnerOnProducts(scope: "store" | "admin") {
  return (req: Request, res: Response, next: NextFunction) => {
    const send = res.json.bind(res)
    res.json = ((body: any) => {
      const products: any[] = Array.isArray(body?.products) ? body.products : body?.product ? [body.product] : []
      const ids = products.map((p) => p?.id).filter((id) => typeof id === "string")
      if (res.statusCode >= 400 || !ids.length) return send(body)
      const manager = (req as any).scope?.resolve("manager")
      manager
        .query(
          `SELECT p.id AS product_id, p.reorder_point, pa.id, pa.name, pa.country, pa.country_code, pa.handle
             FROM product p LEFT JOIN partner pa ON pa.id = p.partner_id
              ${scope === "store" ? "AND pa.status = 'approved' AND pa.is_active" : ""}
            WHERE p.id = ANY($1)`,
          [ids]
        )
        .then((rows: any[]) => {
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
          send(body)
        })
        .catch(next)
      return res
    }) as any
    next()
  }
}

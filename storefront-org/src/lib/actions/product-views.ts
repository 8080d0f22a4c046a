"use server"

import { rejected, type ActionResult } from "@pva/storefront-core"
import { asVisitor } from "./store-request"

/**
 * Counts a view of a product's page for the sales dashboard's funnel (`POST /store/product-views`),
 * as the visitor's browser asks after the page has painted. Sent from the visitor's address, so
 * the server's per-client limit applies to them; nothing about them is stored.
 */
export async function recordProductView(productId: string): Promise<ActionResult<null>> {
  if (typeof productId !== "string" || !/^prod_[A-Za-z0-9]{1,60}$/.test(productId)) return rejected(400, "Which product?")
  return asVisitor<null>("POST", "/store/product-views", { product_id: productId })
}

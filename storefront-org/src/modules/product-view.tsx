"use client"

import { useProductView } from "@pva/storefront-core/product-view"
import { recordProductView } from "@/lib/actions/product-views"

/** Counts this page's visit as a view of the product it shows (the sales dashboard's funnel), once the page has painted. */
export function ProductView({ productId }: { productId: string | null }) {
  useProductView(productId, recordProductView)
  return null
}

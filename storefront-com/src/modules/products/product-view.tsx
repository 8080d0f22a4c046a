"use client"

import { useProductView } from "@pva/storefront-core/product-view"
import { useStore } from "@/lib/store-context"

/** Counts this product page's visit for the sales dashboard's funnel, once the page has painted. */
export function ProductView({ productId }: { productId: string }) {
  const { storePost } = useStore()
  useProductView(productId, (id) => storePost("/store/product-views", { product_id: id }))
  return null
}

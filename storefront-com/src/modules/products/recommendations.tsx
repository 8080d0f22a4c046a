"use client"

import { useEffect, useState } from "react"
import { unwrap } from "@pva/storefront-core"
import { recommendedForMe } from "@/lib/actions/account"
import { useStore } from "@/lib/store-context"
import { ProductCard } from "./product-card"

/** Recommendations for this shopper: their saved archetype, an anonymous result, or a product's neighbours. */
export function Recommendations({ title, productId, archetype, limit = 4 }: { title: string; productId?: string; archetype?: string; limit?: number }) {
  const { storeGet, ready, customer, resultToken, region } = useStore()
  const [items, setItems] = useState<any[] | null>(null)

  useEffect(() => {
    if (!ready) return
    const params = new URLSearchParams({ limit: String(limit) })
    if (productId) params.set("product_id", productId)
    if (archetype) params.set("archetype", archetype)
    else if (!customer && resultToken) params.set("result_token", resultToken)
    // A signed-in customer's picks (their archetype, what they already bought) need their session.
    const load = customer ? recommendedForMe(params.toString()).then(unwrap) : storeGet(`/store/recommendations?${params}`)
    load.then((r: any) => setItems(r.recommendations)).catch(() => setItems([]))
  }, [ready, storeGet, customer, resultToken, productId, archetype, limit])

  if (!items || items.length === 0) return null
  return (
    <section className="section" aria-labelledby={`rec-${productId ?? archetype ?? "me"}`}>
      <h2 id={`rec-${productId ?? archetype ?? "me"}`}>{title}</h2>
      <div className="grid" data-testid="recommendations">
        {items.map((r) => (
          <ProductCard key={r.product.id} product={r.product} currencyCode={region?.currency_code ?? "usd"} reason={r.reason} />
        ))}
      </div>
    </section>
  )
}

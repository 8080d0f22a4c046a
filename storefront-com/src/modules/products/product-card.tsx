import Link from "next/link"
import { cheapestAmount, inStock, Price } from "@pva/storefront-core"

type CardProduct = { id: string; title: string; handle: string; thumbnail: string | null; variants: any[]; digital_twin?: boolean }

export function ProductCard({ product, currencyCode, reason }: { product: CardProduct; currencyCode: string; reason?: string }) {
  const available = product.variants.some(inStock)
  return (
    <article className="card" data-testid="product-card">
      <Link href={`/products/${product.handle}`}>
        {product.thumbnail ? (
          <img src={product.thumbnail} alt="" width={320} height={320} loading="lazy" style={{ aspectRatio: "1", objectFit: "cover", width: "100%" }} />
        ) : (
          <div style={{ aspectRatio: "1", background: "var(--pva-gradient)" }} />
        )}
        <div className="body">
          <h3>{product.title}</h3>
          <Price amount={cheapestAmount(product.variants, currencyCode)} currencyCode={currencyCode} />
          {!available && <p className="muted" style={{ margin: 0 }}>Sold out</p>}
          {reason && <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>{REASONS[reason] ?? reason}</p>}
        </div>
      </Link>
    </article>
  )
}

const REASONS: Record<string, string> = {
  archetype: "Fits your archetype",
  "co-purchase": "Often bought together",
  popular: "Popular right now",
}

import Link from "next/link"
import { cheapestAmount, inStock, Price } from "@pva/storefront-core"

type CardProduct = { id: string; title: string; handle: string; thumbnail: string | null; variants: any[]; digital_twin?: boolean }

/** `eager` for cards in the first screenful: their image is what the shopper waits for. */
export function ProductCard({ product, currencyCode, reason, headingLevel = 3, eager = false }: {
  product: CardProduct
  currencyCode: string
  reason?: string
  headingLevel?: 2 | 3
  eager?: boolean
}) {
  const available = product.variants.some(inStock)
  const Heading = headingLevel === 2 ? "h2" : "h3"
  return (
    <article className="card" data-testid="product-card">
      <Link href={`/products/${product.handle}`}>
        {product.thumbnail ? (
          <img src={product.thumbnail} alt="" width={320} height={320} loading={eager ? "eager" : "lazy"} fetchPriority={eager ? "high" : undefined} style={{ aspectRatio: "1", objectFit: "cover", width: "100%" }} />
        ) : (
          <div style={{ aspectRatio: "1", background: "var(--pva-gradient)" }} />
        )}
        <div className="body">
          <Heading style={{ fontSize: "1rem", margin: "0 0 4px" }}>{product.title}</Heading>
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

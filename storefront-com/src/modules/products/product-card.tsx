import { Link } from "@/modules/common/link"
import { cheapestAmount, inStock, Price, ResponsiveImage } from "@pva/storefront-core"

/** A product with its variants (product pages, recommendations) or a catalog API item (price and stock flag). */
type CardProduct = {
  id: string
  title: string
  handle: string
  thumbnail: string | null
  variants?: any[]
  price?: { amount: number } | null
  /** Catalog items on sale: the price before the sale, shown struck through. */
  original_price?: { amount: number } | null
  in_stock?: boolean
  digital_twin?: boolean
}

/** Cards sit two to a row on phones and are at most 320 px wide elsewhere. */
const CARD_SIZES = "(max-width: 640px) 50vw, 320px"

/** `eager` for cards in the first screenful: their image is what the shopper waits for. */
export function ProductCard({ product, currencyCode, reason, headingLevel = 3, eager = false }: {
  product: CardProduct
  currencyCode: string
  reason?: string
  headingLevel?: 2 | 3
  eager?: boolean
}) {
  const available = product.in_stock ?? (product.variants ?? []).some(inStock)
  const amount = product.price !== undefined ? (product.price?.amount ?? null) : cheapestAmount(product.variants ?? [], currencyCode)
  const Heading = headingLevel === 2 ? "h2" : "h3"
  return (
    <article className="card" data-testid="product-card">
      <Link href={`/products/${product.handle}`}>
        {product.thumbnail ? (
          <ResponsiveImage src={product.thumbnail} alt="" width={320} height={320} sizes={CARD_SIZES} eager={eager} />
        ) : (
          <div style={{ aspectRatio: "1", background: "var(--pva-gradient)" }} />
        )}
        <div className="body">
          <Heading style={{ fontSize: "1rem", margin: "0 0 4px" }}>{product.title}</Heading>
          <Price amount={amount} originalAmount={product.original_price?.amount} currencyCode={currencyCode} />
          {!available && <p className="muted" style={{ margin: 0 }}>Sold out</p>}
          {product.digital_twin && <p className="muted" style={{ margin: 0, fontSize: "0.85rem" }}>With its digital twin</p>}
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

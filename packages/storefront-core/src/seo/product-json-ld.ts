/** schema.org `Product` with its `Offer`, as search engines read a product page (Google's merchant listing). */
export type ProductJsonLd = {
  "@context": "https://schema.org"
  "@type": "Product"
  name: string
  description?: string
  image: string[]
  sku?: string
  brand?: { "@type": "Brand"; name: string }
  offers: {
    "@type": "Offer"
    price: string
    priceCurrency: string
    availability: "https://schema.org/InStock" | "https://schema.org/OutOfStock"
  }
}

/** `amount` in the currency's minor unit (cents), as Medusa answers it. */
export function productJsonLd(p: {
  title: string
  description?: string | null
  images: string[]
  sku?: string | null
  maker?: string | null
  amount: number
  currencyCode: string
  inStock: boolean
}): ProductJsonLd {
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: p.title,
    ...(p.description ? { description: p.description } : {}),
    image: p.images,
    ...(p.sku ? { sku: p.sku } : {}),
    ...(p.maker ? { brand: { "@type": "Brand" as const, name: p.maker } } : {}),
    offers: {
      "@type": "Offer",
      price: (p.amount / 100).toFixed(2),
      priceCurrency: p.currencyCode.toUpperCase(),
      availability: p.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
    },
  }
}

/** The JSON for a `<script type="application/ld+json">`: no `<` survives, so a title cannot close the script. */
export function jsonLdScript(doc: object): string {
  return JSON.stringify(doc).replace(/</g, "\\u003c")
}

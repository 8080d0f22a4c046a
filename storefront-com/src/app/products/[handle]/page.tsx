import type { Metadata } from "next"
import { Link } from "@/modules/common/link"
import { notFound } from "next/navigation"
import { headers } from "next/headers"
import { cheapestAmount, cspNonce, inStock, JsonLd, productJsonLd } from "@pva/storefront-core"
import { currentRegion, listCategories, productByHandle } from "@/lib/catalog"
import { shopPageUrl } from "@/lib/seo"
import { AddToCart } from "@/modules/products/add-to-cart"
import { Gallery } from "@/modules/products/gallery"
import { ProductView } from "@/modules/products/product-view"
import { Recommendations } from "@/modules/products/recommendations"

type Props = { params: { handle: string } }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await currentRegion()
  const product = await productByHandle(params.handle, region.id)
  if (!product) return { title: "Not found" }
  const image = product.images[0] ?? product.thumbnail
  const url = shopPageUrl(`/products/${encodeURIComponent(product.handle)}`)
  return {
    title: product.title,
    description: product.description ?? undefined,
    alternates: { canonical: url },
    // Shared links show the piece: its name, description and first image.
    openGraph: { type: "website", url, title: product.title, description: product.description ?? undefined, images: image ? [{ url: image, alt: product.title }] : [] },
  }
}

/** The page's `Product` for search engines; none without a price in the shopper's currency (Google requires one). */
function structuredData(product: NonNullable<Awaited<ReturnType<typeof productByHandle>>>, currencyCode: string) {
  const amount = cheapestAmount(product.variants ?? [], currencyCode)
  const images = product.images.length ? product.images : product.thumbnail ? [product.thumbnail] : []
  if (amount === null || !images.length) return null
  return productJsonLd({
    title: product.title,
    description: product.description,
    images,
    sku: product.variants?.[0]?.sku,
    maker: product.partner?.name,
    amount,
    currencyCode,
    inStock: (product.variants ?? []).some(inStock),
  })
}

export default async function ProductPage({ params }: Props) {
  const region = await currentRegion()
  const product = await productByHandle(params.handle, region.id)
  if (!product) notFound()
  const categories = (await listCategories()).filter((c) => product.categories.includes(c.id))
  const jsonLd = structuredData(product, region.currency_code)

  return (
    <div className="container section">
      {jsonLd && <JsonLd doc={jsonLd} nonce={cspNonce(headers().get("content-security-policy"))} />}
      <div className="product">
        <Gallery images={product.images.length ? product.images : product.thumbnail ? [product.thumbnail] : []} title={product.title} />
        <div>
          <h1 style={{ marginTop: 0 }}>{product.title}</h1>
          {product.digital_twin && <p><span className="badge">Includes a digital twin</span></p>}
          <AddToCart product={product} currencyCode={region.currency_code} />
          <p>{product.description}</p>
          <dl>
            {product.partner && (
              <>
                <dt><strong>Made by</strong></dt>
                <dd data-testid="partner">{product.partner.name}, {product.partner.country}</dd>
              </>
            )}
            {product.origin && (
              <>
                <dt><strong>Origin</strong></dt>
                <dd>{product.origin}</dd>
              </>
            )}
            {product.material && (
              <>
                <dt><strong>Material</strong></dt>
                <dd>{product.material}</dd>
              </>
            )}
          </dl>
          {categories.length > 0 && (
            <p className="row">
              {categories.map((c) => <Link key={c.id} href={`/categories/${c.handle}`}>{c.name}</Link>)}
            </p>
          )}
        </div>
      </div>
      <Recommendations title="Goes well with" productId={product.id} limit={4} />
      <ProductView productId={product.id} />
    </div>
  )
}

import type { Metadata } from "next"
import { Link } from "@/modules/common/link"
import { notFound } from "next/navigation"
import { currentRegion, listCategories, productByHandle } from "@/lib/catalog"
import { AddToCart } from "@/modules/products/add-to-cart"
import { Gallery } from "@/modules/products/gallery"
import { Recommendations } from "@/modules/products/recommendations"

type Props = { params: { handle: string } }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const region = await currentRegion()
  const product = await productByHandle(params.handle, region.id)
  return product ? { title: product.title, description: product.description ?? undefined } : { title: "Not found" }
}

export default async function ProductPage({ params }: Props) {
  const region = await currentRegion()
  const product = await productByHandle(params.handle, region.id)
  if (!product) notFound()
  const categories = (await listCategories()).filter((c) => product.categories.includes(c.id))

  return (
    <div className="container section">
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
    </div>
  )
}

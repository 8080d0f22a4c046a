import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { currentRegion, listCategories, listCollections, listProducts } from "@/lib/catalog"
import { parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "@/modules/catalog/catalog-view"

type Props = { params: { handle: string }; searchParams: Record<string, string | string[] | undefined> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = (await listCollections()).find((c) => c.handle === params.handle)
  return { title: collection?.title ?? "Collection" }
}

export default async function CollectionPage({ params, searchParams }: Props) {
  const region = await currentRegion()
  const [products, categories, collections] = await Promise.all([listProducts(region.id), listCategories(), listCollections()])
  const collection = collections.find((c) => c.handle === params.handle)
  if (!collection) notFound()
  return (
    <CatalogView
      title={collection.title}
      basePath={`/collections/${collection.handle}`}
      products={products.filter((p) => p.collection_id === collection.id)}
      categories={categories}
      query={parseCatalogQuery(searchParams)}
      currencyCode={region.currency_code}
      hideCategoryFilter
    />
  )
}

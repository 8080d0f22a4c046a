import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { currentRegion, listCollections, searchCatalog } from "@/lib/catalog"
import { shopPageUrl } from "@/lib/seo"
import { catalogParams, parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "@/modules/catalog/catalog-view"

type Props = { params: { handle: string }; searchParams: Record<string, string | string[] | undefined> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const collection = (await listCollections()).find((c) => c.handle === params.handle)
  if (!collection) return { title: "Collection" }
  // Filtered, sorted and paged views of the listing all name the listing itself.
  return { title: collection.title, alternates: { canonical: shopPageUrl(`/collections/${encodeURIComponent(collection.handle)}`) } }
}

export default async function CollectionPage({ params, searchParams }: Props) {
  const region = await currentRegion()
  const collection = (await listCollections()).find((c) => c.handle === params.handle)
  if (!collection) notFound()
  const query = parseCatalogQuery(searchParams)
  const result = await searchCatalog(catalogParams({ ...query, category: undefined }, { regionId: region.id, collection: collection.id }))
  return (
    <CatalogView
      title={collection.title}
      basePath={`/collections/${collection.handle}`}
      result={result}
      query={{ ...query, category: undefined }}
      currencyCode={region.currency_code}
      hideCategoryFilter
    />
  )
}

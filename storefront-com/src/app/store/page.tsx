import type { Metadata } from "next"
import { currentRegion, listCategories, searchCatalog } from "@/lib/catalog"
import { catalogParams, parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "@/modules/catalog/catalog-view"

type Props = { searchParams: Record<string, string | string[] | undefined> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { q } = parseCatalogQuery(searchParams)
  return { title: q ? `Search: ${q}` : "Shop" }
}

export default async function StorePage({ searchParams }: Props) {
  const region = await currentRegion()
  const parsed = parseCatalogQuery(searchParams)
  // a category the shop does not have is ignored, like any other nonsense in the URL
  const known = parsed.category && (await listCategories()).some((c) => c.handle === parsed.category)
  const query = known ? parsed : { ...parsed, category: undefined }
  const result = await searchCatalog(catalogParams(query, { regionId: region.id }))
  return (
    <CatalogView
      title={query.q ? `Results for “${query.q}”` : "All pieces"}
      basePath="/store"
      result={result}
      query={query}
      currencyCode={region.currency_code}
    />
  )
}

import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { currentRegion, listCategories, searchCatalog } from "@/lib/catalog"
import { shopPageUrl } from "@/lib/seo"
import { catalogParams, parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "@/modules/catalog/catalog-view"

type Props = { params: { handle: string }; searchParams: Record<string, string | string[] | undefined> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = (await listCategories()).find((c) => c.handle === params.handle)
  if (!category) return { title: "Category" }
  // Filtered, sorted and paged views of the listing all name the listing itself.
  return { title: category.name, alternates: { canonical: shopPageUrl(`/categories/${encodeURIComponent(category.handle)}`) } }
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const region = await currentRegion()
  const category = (await listCategories()).find((c) => c.handle === params.handle)
  if (!category) notFound()
  const query = parseCatalogQuery(searchParams)
  // The catalog counts a parent category's pieces with its children's.
  const result = await searchCatalog(catalogParams(query, { regionId: region.id, category: category.id }))
  return (
    <CatalogView
      title={category.name}
      basePath={`/categories/${category.handle}`}
      result={result}
      query={query}
      currencyCode={region.currency_code}
      hideCategoryFilter
    />
  )
}

import type { Metadata } from "next"
import { currentRegion, listCategories, listProducts } from "@/lib/catalog"
import { parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "@/modules/catalog/catalog-view"

export const metadata: Metadata = { title: "Shop" }

export default async function StorePage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const region = await currentRegion()
  const [products, categories] = await Promise.all([listProducts(region.id), listCategories()])
  return (
    <CatalogView
      title="All pieces"
      basePath="/store"
      products={products}
      categories={categories}
      query={parseCatalogQuery(searchParams)}
      currencyCode={region.currency_code}
    />
  )
}

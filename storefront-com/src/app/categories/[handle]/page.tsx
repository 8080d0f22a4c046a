import type { Metadata } from "next"
import { notFound } from "next/navigation"
import { currentRegion, listCategories, listProducts } from "@/lib/catalog"
import { parseCatalogQuery } from "@/lib/catalog-query"
import { CatalogView } from "@/modules/catalog/catalog-view"

type Props = { params: { handle: string }; searchParams: Record<string, string | string[] | undefined> }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const category = (await listCategories()).find((c) => c.handle === params.handle)
  return { title: category?.name ?? "Category" }
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const region = await currentRegion()
  const [products, categories] = await Promise.all([listProducts(region.id), listCategories()])
  const category = categories.find((c) => c.handle === params.handle)
  if (!category) notFound()
  // A parent category shows its children's pieces too.
  const ids = [category.id, ...categories.filter((c) => c.parent_category_id === category.id).map((c) => c.id)]
  return (
    <CatalogView
      title={category.name}
      basePath={`/categories/${category.handle}`}
      products={products}
      categories={categories}
      query={parseCatalogQuery(searchParams)}
      currencyCode={region.currency_code}
      fixedCategoryIds={ids}
    />
  )
}

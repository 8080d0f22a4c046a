import Link from "next/link"
import type { CatalogProduct } from "@/lib/catalog"
import { CatalogQuery, queryCatalog } from "@/lib/catalog-query"
import { ProductCard } from "@/modules/products/product-card"

type Category = { id: string; name: string; handle: string }

/** Filters are a plain GET form, so the catalog works and is crawlable without JavaScript. */
export function CatalogView(props: {
  title: string
  basePath: string
  products: CatalogProduct[]
  categories: Category[]
  query: CatalogQuery
  currencyCode: string
  fixedCategoryIds?: string[]
  /** A collection page lists its own products and offers no category choice. */
  hideCategoryFilter?: boolean
}) {
  const { query, currencyCode } = props
  const categoryIds = props.fixedCategoryIds ?? (query.category ? props.categories.filter((c) => c.handle === query.category).map((c) => c.id) : undefined)
  const result = queryCatalog(props.products, query, currencyCode, categoryIds)
  const pageHref = (page: number) => {
    const params = new URLSearchParams()
    if (query.category && !props.fixedCategoryIds) params.set("category", query.category)
    if (query.min !== undefined) params.set("min", String(query.min / 100))
    if (query.max !== undefined) params.set("max", String(query.max / 100))
    if (query.inStockOnly) params.set("in_stock", "1")
    if (query.sort !== "featured") params.set("sort", query.sort)
    params.set("page", String(page))
    return `${props.basePath}?${params}`
  }

  return (
    <div className="container section">
      <h1>{props.title}</h1>
      <div className="catalog">
        <form method="get" action={props.basePath} aria-label="Filter products">
          {!props.fixedCategoryIds && !props.hideCategoryFilter && (
            <>
              <label htmlFor="category">Category</label>
              <select id="category" name="category" defaultValue={query.category ?? ""}>
                <option value="">All categories</option>
                {props.categories.map((c) => <option key={c.id} value={c.handle}>{c.name}</option>)}
              </select>
            </>
          )}
          <label htmlFor="min">Min price ({currencyCode.toUpperCase()})</label>
          <input id="min" name="min" type="number" min={0} step="any" inputMode="decimal" defaultValue={query.min !== undefined ? query.min / 100 : ""} />
          <label htmlFor="max">Max price ({currencyCode.toUpperCase()})</label>
          <input id="max" name="max" type="number" min={0} step="any" inputMode="decimal" defaultValue={query.max !== undefined ? query.max / 100 : ""} />
          <label style={{ display: "flex", gap: 8, alignItems: "center" }}>
            <input type="checkbox" name="in_stock" value="1" defaultChecked={query.inStockOnly} /> In stock only
          </label>
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            <option value="featured">Featured</option>
            <option value="price-asc">Price: low to high</option>
            <option value="price-desc">Price: high to low</option>
            <option value="newest">Newest</option>
            <option value="title">Name</option>
          </select>
          <p><button className="btn btn-primary" type="submit">Apply</button></p>
        </form>
        <div>
          <p className="muted" role="status">{result.total} piece{result.total === 1 ? "" : "s"}</p>
          <div className="grid">
            {result.items.map((p, i) => <ProductCard key={p.id} product={p} currencyCode={currencyCode} headingLevel={2} eager={i < 4} />)}
          </div>
          {result.pages > 1 && (
            <nav aria-label="Pages" className="row" style={{ marginTop: 16 }}>
              {result.page > 1 && <Link href={pageHref(result.page - 1)} rel="prev">Previous</Link>}
              <span>Page {result.page} of {result.pages}</span>
              {result.page < result.pages && <Link href={pageHref(result.page + 1)} rel="next">Next</Link>}
            </nav>
          )}
        </div>
      </div>
    </div>
  )
}

import { Link } from "@/modules/common/link"
import type { CatalogPage } from "@/lib/catalog"
import { CatalogQuery, pageHref } from "@/lib/catalog-query"
import { ProductCard } from "@/modules/products/product-card"

/** Filters are a plain GET form, so the catalog works and is crawlable without JavaScript. */
export function CatalogView(props: {
  title: string
  basePath: string
  result: CatalogPage
  query: CatalogQuery
  currencyCode: string
  /** Category and collection pages list their own products and offer no category choice. */
  hideCategoryFilter?: boolean
}) {
  const { query, currencyCode, result } = props
  const pages = Math.max(1, Math.ceil(result.count / result.limit))
  const href = (page: number) => pageHref(props.basePath, query, page, { keepCategory: !props.hideCategoryFilter })

  return (
    <div className="container section">
      <h1>{props.title}</h1>
      <div className="catalog">
        <form method="get" action={props.basePath} aria-label="Filter products">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="search" defaultValue={query.q ?? ""} autoComplete="off" />
          {!props.hideCategoryFilter && (
            <FacetSelect name="category" label="Category" allLabel="All categories" value={query.category} options={result.facets.categories} />
          )}
          {result.facets.partners.length > 0 && (
            <FacetSelect name="partner" label="Partner" allLabel="All partners" value={query.partner} options={result.facets.partners} />
          )}
          <label htmlFor="min">Min price ({currencyCode.toUpperCase()})</label>
          <input id="min" name="min" type="number" min={0} step="any" inputMode="decimal" defaultValue={query.min !== undefined ? query.min / 100 : ""} />
          <label htmlFor="max">Max price ({currencyCode.toUpperCase()})</label>
          <input id="max" name="max" type="number" min={0} step="any" inputMode="decimal" defaultValue={query.max !== undefined ? query.max / 100 : ""} />
          <label style={{ display: "flex", gap: 8, alignItems: "center" }}>
            <input type="checkbox" name="in_stock" value="1" defaultChecked={query.inStockOnly} /> In stock only ({result.facets.in_stock.in_stock})
          </label>
          <label htmlFor="sort">Sort by</label>
          <select id="sort" name="sort" defaultValue={query.sort}>
            <option value="featured">{query.q ? "Best match" : "Featured"}</option>
            <option value="price-asc">Price: low to high</option>
            <option value="price-desc">Price: high to low</option>
            <option value="newest">Newest</option>
          </select>
          <p><button className="btn btn-primary" type="submit">Apply</button></p>
        </form>
        <div>
          <p className="muted" role="status">{result.count} piece{result.count === 1 ? "" : "s"}</p>
          <div className="grid">
            {result.products.map((p, i) => <ProductCard key={p.id} product={p} currencyCode={currencyCode} headingLevel={2} eager={i < 4} />)}
          </div>
          {pages > 1 && (
            <nav aria-label="Pages" className="row" style={{ marginTop: 16 }}>
              {result.page > 1 && <Link href={href(result.page - 1)} rel="prev">Previous</Link>}
              <span>Page {Math.min(result.page, pages)} of {pages}</span>
              {result.page < pages && <Link href={href(result.page + 1)} rel="next">Next</Link>}
            </nav>
          )}
        </div>
      </div>
    </div>
  )
}

/** A facet's values by handle, each with how many pieces choosing it would show. */
function FacetSelect(props: { name: string; label: string; allLabel: string; value?: string; options: Array<{ handle: string; name: string; count: number }> }) {
  return (
    <>
      <label htmlFor={props.name}>{props.label}</label>
      <select id={props.name} name={props.name} defaultValue={props.value ?? ""}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => <option key={o.handle} value={o.handle}>{o.name} ({o.count})</option>)}
      </select>
    </>
  )
}

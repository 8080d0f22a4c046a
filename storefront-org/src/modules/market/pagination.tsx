import Link from "next/link"
import { marketHref, type MarketFilters } from "@/lib/market/query"

/** Previous / next links that keep the filters; the page number lives in the URL. */
export function Pagination({ filters, count, pageSize }: { filters: MarketFilters; count: number; pageSize: number }) {
  const pages = Math.max(1, Math.ceil(count / pageSize))
  if (pages <= 1) return null
  const page = Math.min(filters.page, pages)
  return (
    <nav className="row pagination" aria-label="Pages">
      {page > 1 ? <Link href={marketHref(filters, page - 1)} rel="prev">Previous</Link> : null}
      <span aria-current="page">Page {page} of {pages}</span>
      {page < pages ? <Link href={marketHref(filters, page + 1)} rel="next">Next</Link> : null}
    </nav>
  )
}

import type { Metadata } from "next"
import Link from "next/link"
import { marketListings } from "@/lib/market/api"
import { apiQuery, filtersFrom, PAGE_SIZE } from "@/lib/market/query"
import { orgPageUrl } from "@/lib/seo"
import { ListingCard } from "@/modules/market/listing-card"
import { MarketFiltersForm } from "@/modules/market/market-filters"
import { Pagination } from "@/modules/market/pagination"

export function generateMetadata(): Metadata {
  return { title: "Market", alternates: { canonical: orgPageUrl("/market") } }
}

// Server-rendered from the store's read model: the grid paints before any script runs; only the
// countdowns tick in the browser.
export default async function MarketPage({ searchParams }: { searchParams: Record<string, string | string[] | undefined> }) {
  const filters = filtersFrom(searchParams)
  const page = await marketListings(apiQuery(filters).toString())
  const renderedAt = Date.now()
  return (
    <div className="container section">
      <h1>Market</h1>
      <p className="row">
        <span className="muted">Twins and shares offered by their holders. Every resale pays the artisan&apos;s royalty.</span>
        <Link href="/market/mine">My bids, offers and listings</Link>
      </p>
      <MarketFiltersForm filters={filters} />
      <p className="muted" aria-live="polite" data-testid="listing-count">{page.count} listing{page.count === 1 ? "" : "s"}</p>
      {page.listings.length === 0 ? (
        <p className="muted">Nothing matches these filters.</p>
      ) : (
        <div className="grid" data-testid="listings">
          {page.listings.map((listing) => <ListingCard key={listing.id} listing={listing} renderedAt={renderedAt} />)}
        </div>
      )}
      <Pagination filters={filters} count={page.count} pageSize={PAGE_SIZE} />
    </div>
  )
}

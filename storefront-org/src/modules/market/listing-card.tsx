import Link from "next/link"
import { formatEth } from "@/lib/market/amounts"
import { headlinePrice } from "@/lib/market/schedule"
import type { Listing } from "@/lib/market/types"
import { serverUrl } from "@/lib/server-url"
import { Countdown } from "./countdown"
import { KIND_LABELS, priceCaption } from "./labels"

/** What a listing is, what it costs now and how long it runs: one cell of the /market grid. */
export function ListingCard({ listing, renderedAt }: { listing: Listing; renderedAt: number }) {
  const title = listing.asset.artifact?.title ?? (listing.asset.type === "twin" ? `Twin #${listing.asset.token_id}` : `Shares of offering #${listing.asset.token_id}`)
  const thumbnail = listing.asset.artifact?.thumbnail
  const timed = listing.kind !== "fixed"
  return (
    <article className="card listing-card" data-testid="listing-card" data-kind={listing.kind}>
      <Link href={`/market/${listing.id}`}>
        {thumbnail ? (
          // eslint-disable-next-line @next/next/no-img-element -- the storefronts serve images unoptimized (next-config), straight from the server
          <img src={thumbnail.startsWith("/") ? serverUrl(thumbnail) : thumbnail} alt="" width={180} height={180} loading="lazy" decoding="async" />
        ) : (
          <div className="listing-placeholder" aria-hidden="true" />
        )}
        <h2 className="listing-title">{title}</h2>
      </Link>
      <p className="listing-meta">
        <span className="badge">{KIND_LABELS[listing.kind]}</span>
        {listing.asset.type === "shares" ? <span className="muted"> {listing.asset.quantity} shares</span> : null}
      </p>
      <p>
        <span className="muted">{priceCaption(listing.kind, Boolean(listing.highest_bid))} </span>
        <strong data-testid="listing-price">{formatEth(headlinePrice(listing, renderedAt))}</strong>
      </p>
      {timed ? <p className="muted">Time left <Countdown endsAt={listing.ends_at} renderedAt={renderedAt} /></p> : null}
    </article>
  )
}

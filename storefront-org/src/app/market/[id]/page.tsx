import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { formatEth } from "@/lib/market/amounts"
import { marketConfig, marketListing } from "@/lib/market/api"
import { orgPageUrl, artifactPath } from "@/lib/seo"
import { shortAddress } from "@/lib/format"
import { BidHistory } from "@/modules/market/bid-history"
import { Countdown } from "@/modules/market/countdown"
import { KIND_LABELS } from "@/modules/market/labels"
import { ListingActionsLoader } from "@/modules/market/listing-actions-loader"

type Params = { params: { id: string } }

const titleOf = (l: { asset: { type: string; token_id: string; artifact: { title: string } | null } }) =>
  l.asset.artifact?.title ?? (l.asset.type === "twin" ? `Twin #${l.asset.token_id}` : `Shares of offering #${l.asset.token_id}`)

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const listing = /^\d{1,78}$/.test(params.id) ? await marketListing(params.id) : null
  if (!listing) return { title: "Listing not found" }
  return { title: `${titleOf(listing)} · Market`, alternates: { canonical: orgPageUrl(`/market/${listing.id}`) } }
}

// Fresh on every request (no cross-visitor cache): a bid placed a second ago is in the history.
export default async function ListingPage({ params }: Params) {
  if (!/^\d{1,78}$/.test(params.id)) notFound()
  const [listing, config] = await Promise.all([marketListing(params.id), marketConfig()])
  if (!listing) notFound()
  const renderedAt = Date.now()
  const twin = listing.asset.type === "twin"
  return (
    <div className="container section">
      <p><Link href="/market">← Market</Link></p>
      <h1>{titleOf(listing)}</h1>
      <dl className="traits" data-testid="listing-facts">
        <dt>Sale</dt><dd>{KIND_LABELS[listing.kind]} · <span data-testid="listing-status">{listing.status}</span></dd>
        {twin ? null : <><dt>Quantity</dt><dd>{listing.asset.quantity} shares</dd></>}
        <dt>Seller</dt><dd className="mono" title={listing.seller}>{shortAddress(listing.seller)}</dd>
        {listing.kind === "fixed" ? <><dt>Price</dt><dd data-testid="price">{formatEth(listing.price)}{twin ? "" : " per share"}</dd></> : null}
        {listing.kind === "dutch" ? (
          <>
            <dt>Price now</dt><dd data-testid="price">{formatEth(listing.current_price)}{twin ? "" : " per share"}</dd>
            <dt>Schedule</dt><dd>From {formatEth(listing.start_price)} down to {formatEth(listing.floor_price)}</dd>
          </>
        ) : null}
        {listing.kind === "english" ? (
          <>
            <dt>Reserve</dt><dd>{formatEth(listing.reserve_price)}</dd>
            <dt>Highest bid</dt><dd data-testid="highest-bid">{listing.highest_bid ? `${formatEth(listing.highest_bid.amount)} by ${shortAddress(listing.highest_bid.bidder)}` : "None yet"}</dd>
            <dt>Next bid</dt><dd data-testid="min-next-bid">at least {formatEth(listing.min_next_bid)}</dd>
          </>
        ) : null}
        {listing.kind !== "fixed" ? <><dt>Time left</dt><dd><Countdown endsAt={listing.ends_at} renderedAt={renderedAt} /></dd></> : null}
        <dt>Royalty</dt><dd>{listing.royalty ? `${listing.royalty.bps / 100}% to the artisan (${shortAddress(listing.royalty.receiver)})` : "None"}</dd>
        {listing.fee_bps === null ? null : <><dt>Platform fee</dt><dd>{listing.fee_bps / 100}%</dd></>}
      </dl>
      {twin ? <p><Link href={artifactPath(listing.asset.token_id)} data-testid="provenance-link">Provenance of this twin</Link></p> : null}
      {listing.kind === "english" ? (
        <section className="section" aria-labelledby="bids-heading">
          <h2 id="bids-heading">Bid history</h2>
          <BidHistory bids={listing.bids} />
        </section>
      ) : null}
      <ListingActionsLoader initial={listing} config={config} />
    </div>
  )
}

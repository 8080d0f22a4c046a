import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { myMarketBids, myMarketListings, myMarketOffers } from "@/lib/actions/market"
import { formatDate } from "@/lib/format"
import { formatEth } from "@/lib/market/amounts"
import type { MarketOffer } from "@/lib/market/types"
import { ListingCard } from "@/modules/market/listing-card"

export const metadata: Metadata = { title: "My bids, offers and listings", robots: { index: false } }

// The signed-in collector's side of the market, through the wallets linked to their account.
export default async function MyMarketPage() {
  const [listings, bids, offers] = await Promise.all([myMarketListings(), myMarketBids(), myMarketOffers()])
  if (!listings.ok && listings.status === 401) redirect("/account?next=/market/mine")
  const renderedAt = Date.now()
  return (
    <div className="container section">
      <h1>My bids, offers and listings</h1>
      <p className="muted">From the wallets linked to <Link href="/account">your account</Link>.</p>
      <section className="section" aria-labelledby="my-bids">
        <h2 id="my-bids">Bids</h2>
        {!bids.ok ? <p className="alert">{bids.message}</p> : bids.data.length === 0 ? <p className="muted">No bids yet. <Link href="/market?kind=english">See the auctions</Link>.</p> : (
          <table data-testid="my-bids">
            <thead><tr><th>Auction</th><th>Your bid</th><th>Placed</th><th>Standing</th></tr></thead>
            <tbody>
              {bids.data.map((b, i) => (
                <tr key={`${b.listing_id}-${b.tx_hash ?? i}`}>
                  <td><Link href={`/market/${b.listing_id}`}>{b.title ?? `Listing #${b.listing_id}`}</Link></td>
                  <td>{formatEth(b.amount)}</td>
                  <td>{b.placed_at ? formatDate(b.placed_at) : ""}</td>
                  <td>{b.leading === null ? "" : b.leading ? "Highest bid" : "Outbid"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="section" aria-labelledby="my-offers">
        <h2 id="my-offers">Offers</h2>
        {!offers.ok ? <p className="alert">{offers.message}</p> : (
          <>
            <OfferTable title="Offers you made" testId="offers-made" offers={offers.data.made} empty="No offers made." />
            <OfferTable title="Open offers on what you hold" testId="offers-received" offers={offers.data.received} empty="No open offers on your twins or shares." />
          </>
        )}
      </section>
      <section className="section" aria-labelledby="my-listings">
        <h2 id="my-listings">Listings</h2>
        {!listings.ok ? <p className="alert">{listings.message}</p> : listings.data.length === 0 ? <p className="muted">Nothing listed. Sell a twin from <Link href="/account">your account</Link> or shares from <Link href="/account/portfolio">your portfolio</Link>.</p> : (
          <div className="grid" data-testid="my-listings">
            {listings.data.map((l) => <ListingCard key={l.id} listing={l} renderedAt={renderedAt} />)}
          </div>
        )}
      </section>
    </div>
  )
}

function OfferTable({ title, testId, offers, empty }: { title: string; testId: string; offers: MarketOffer[]; empty: string }) {
  return (
    <>
      <h3>{title}</h3>
      {offers.length === 0 ? <p className="muted">{empty}</p> : (
        <table data-testid={testId}>
          <thead><tr><th>On</th><th>Amount</th><th>Expires</th><th>Status</th></tr></thead>
          <tbody>
            {offers.map((o) => (
              <tr key={o.id}>
                <td>{o.quantity === "1" ? `Twin #${o.token_id}` : `${o.quantity} shares of offering #${o.token_id}`}</td>
                <td>{formatEth(o.amount)}</td>
                <td>{formatDate(o.expires_at)}</td>
                <td>{o.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

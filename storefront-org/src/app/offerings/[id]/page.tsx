import type { Metadata } from "next"
import Link from "next/link"
import { notFound } from "next/navigation"
import { formatAmount } from "@pva/storefront-core"
import { offeringById } from "@/lib/public-api"
import { orgPageUrl } from "@/lib/seo"
import { SharesBar } from "@/modules/offerings/shares-bar"
import { BuyShares } from "@/modules/offerings/buy-shares"
import { ProductView } from "@/modules/product-view"


type Props = { params: { id: string } }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const offering = await offeringById(params.id)
  if (!offering) return { title: "Offering" }
  const url = orgPageUrl(`/offerings/${encodeURIComponent(offering.id)}`)
  return { title: offering.title, alternates: { canonical: url }, openGraph: { type: "website", url, title: offering.title } }
}

// The HTML is the same for everyone; the visitor's cap and KYC status are asked for by the
// browser after load (BuyShares), so they are never part of a cached page.
export default async function OfferingPage({ params }: Props) {
  const offering = await offeringById(params.id)
  if (!offering) notFound()
  return (
    <div className="container section">
      <h1>{offering.title}</h1>
      <p>
        <strong>{formatAmount(offering.prices.usd, "usd")}</strong> per share
        {offering.twin_token_id ? <> · <Link href={`/artifacts/${offering.twin_token_id}`}>the artifact and its provenance</Link></> : null}
      </p>
      <table aria-label="Shares">
        <tbody>
          <tr><th scope="row">Total shares</th><td data-testid="total">{offering.total_shares}</td></tr>
          <tr><th scope="row">Sold</th><td data-testid="sold">{offering.sold}</td></tr>
          <tr><th scope="row">Remaining</th><td data-testid="remaining-count">{offering.remaining}</td></tr>
          {offering.investor_cap ? <tr><th scope="row">Cap per investor</th><td>{offering.investor_cap}</td></tr> : null}
          {offering.lockup_until && offering.transfers_locked ? (
            <tr>
              <th scope="row">Transferable from</th>
              <td data-testid="lockup">{new Date(offering.lockup_until).toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" })} (shares cannot be transferred before)</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <SharesBar total={offering.total_shares} remaining={offering.remaining} />
      {offering.status === "open" ? <BuyShares offeringId={offering.id} /> : <p className="muted">This offering is not open for purchases.</p>}
      {/* The shares are the product this page sells: a view of it is the funnel's step before the cart. */}
      <ProductView productId={offering.product_id} />
    </div>
  )
}

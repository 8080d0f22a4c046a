import type { Metadata } from "next"
import { orgPageUrl } from "@/lib/seo"
import { listOfferings } from "@/lib/public-api"
import { OfferingCard } from "@/modules/offerings/offering-card"

export function generateMetadata(): Metadata {
  return { title: "Offerings", alternates: { canonical: orgPageUrl("/offerings") } }
}

export default async function OfferingsPage() {
  const offerings = await listOfferings()
  return (
    <div className="container section">
      <h1>Fractional offerings</h1>
      <p className="muted">Hold shares of collector artifacts kept in the PVA vault. Buying shares needs an approved KYC check.</p>
      {offerings.length ? <div className="grid">{offerings.map((o) => <OfferingCard key={o.id} offering={o} />)}</div> : <p>No offerings yet.</p>}
    </div>
  )
}

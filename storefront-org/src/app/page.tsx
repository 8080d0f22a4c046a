import type { Metadata } from "next"
import { orgPageUrl } from "@/lib/seo"
import Link from "next/link"
import { listOfferings, listTwins } from "@/lib/public-api"
import { TwinCard } from "@/modules/artifacts/twin-card"
import { OfferingCard } from "@/modules/offerings/offering-card"


export function generateMetadata(): Metadata {
  return { alternates: { canonical: orgPageUrl("/") } }
}

export default async function HomePage() {
  const [twins, offerings] = await Promise.all([listTwins("minted").then((t) => t.slice(0, 4)), listOfferings()])
  const open = offerings.filter((o) => o.status === "open")
  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>Every piece, its provenance</h1>
          <p>Follow each artifact from the cooperative that found it to the wallet that holds its digital twin.</p>
          <Link href="/artifacts" className="btn btn-accent">See the artifacts</Link>
          <Link href="/claim" className="btn btn-outline" style={{ borderColor: "#fff", color: "#fff" }}>Claim your twin</Link>
        </div>
      </section>
      <div className="container">
        <section className="section" aria-labelledby="featured">
          <h2 id="featured">Featured artifacts</h2>
          {twins.length ? (
            <div className="grid">{twins.map((t, i) => <TwinCard key={t.token_id} twin={t} priority={i === 0} />)}</div>
          ) : (
            <p className="muted">No twin has been minted yet. <Link href="/artifacts">See every artifact</Link>.</p>
          )}
        </section>
        <section className="section" aria-labelledby="open-offerings">
          <h2 id="open-offerings">Open offerings</h2>
          {open.length ? <div className="grid">{open.map((o) => <OfferingCard key={o.id} offering={o} />)}</div> : <p className="muted">No offering is open right now.</p>}
        </section>
        <section className="section" aria-labelledby="how-claiming-works">
          <h2 id="how-claiming-works">How claiming works</h2>
          <ol className="steps">
            <li>Buy a serialized piece on pvabazaar.com. We email you a claim code for its digital twin.</li>
            <li>Sign in here with the same account, connect your wallet and prove it is yours by signing a message.</li>
            <li>Enter the code and mint the twin yourself, or let us mint it for you at no gas cost.</li>
            <li>Once the chain confirms it, the mint appears in the artifact&apos;s provenance timeline.</li>
          </ol>
          <Link href="/claim" className="btn btn-primary">Claim a twin</Link>
        </section>
      </div>
    </>
  )
}

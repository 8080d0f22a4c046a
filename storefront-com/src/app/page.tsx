import type { Metadata } from "next"
import { Link } from "@/modules/common/link"
import { shopPageUrl } from "@/lib/seo"
import { currentRegion, listCollections, partnerByHandle, searchCatalog } from "@/lib/catalog"
import { ProductCard } from "@/modules/products/product-card"
import { Recommendations } from "@/modules/products/recommendations"

export function generateMetadata(): Metadata {
  return { alternates: { canonical: shopPageUrl("/") } }
}

export default async function Home() {
  const region = await currentRegion()
  // "relevance" with no search puts pieces with a digital twin first
  const params = new URLSearchParams({ region_id: region.id, sort: "relevance", limit: "24" })
  const [{ products }, collections] = await Promise.all([searchCatalog(params), listCollections()])
  const featured = products.filter((p) => p.digital_twin || p.partner).slice(0, 4)
  const partnerHandles = [...new Set(products.map((p) => p.partner?.handle).filter(Boolean))].slice(0, 3) as string[]
  const partners = (await Promise.all(partnerHandles.map((h) => partnerByHandle(h)))).filter(Boolean)

  return (
    <>
      <section className="hero">
        <div className="container">
          <h1>Gems with a story you can trace</h1>
          <p style={{ maxWidth: 560, fontSize: "1.1rem" }}>
            Ethically sourced gemstones and artisan goods from partner cooperatives. Every serialized piece comes with its digital twin.
          </p>
          <div className="row">
            <Link className="btn btn-accent" href="/quiz">Find your archetype</Link>
            <Link className="btn btn-outline" style={{ color: "#fff", borderColor: "#fff" }} href="/store">Shop all pieces</Link>
          </div>
        </div>
      </section>
      <div className="container">
        <section className="section" aria-labelledby="featured">
          <h2 id="featured">Featured pieces</h2>
          <div className="grid">
            {featured.map((p) => <ProductCard key={p.id} product={p} currencyCode={region.currency_code} eager />)}
          </div>
        </section>
        {collections.length > 0 && (
          <nav aria-label="Collections" className="row">
            {collections.map((c) => <Link key={c.id} className="btn btn-outline" href={`/collections/${c.handle}`}>{c.title}</Link>)}
          </nav>
        )}
        <Recommendations title="For your archetype" limit={4} />
        {partners.length > 0 && (
          <section className="section" aria-labelledby="partners">
            <h2 id="partners">Partner stories</h2>
            <div className="grid" style={{ gridTemplateColumns: "repeat(auto-fill, minmax(260px, 1fr))" }}>
              {partners.map((partner: any) => (
                <article key={partner.handle} className="card">
                  <div className="body">
                    <h3>{partner.name}</h3>
                    <p className="muted" style={{ margin: 0 }}>{partner.country}</p>
                    {partner.story && <p>{partner.story}</p>}
                  </div>
                </article>
              ))}
            </div>
          </section>
        )}
      </div>
    </>
  )
}

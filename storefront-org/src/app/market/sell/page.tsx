import type { Metadata } from "next"
import Link from "next/link"
import { marketConfig } from "@/lib/market/api"
import { offeringById, twinByTokenId } from "@/lib/public-api"
import { SellLoader } from "@/modules/market/sell-loader"

export const metadata: Metadata = { title: "Sell on the market", robots: { index: false } }

type Search = { asset?: string; token_id?: string; offering?: string }

/** What is being sold: a twin by token id, or shares of an offering (by the store's id, or the chain's). */
async function saleSubject(q: Search): Promise<{ asset: "twin" | "shares"; tokenId: string; title: string } | null> {
  if (q.asset === "shares") {
    if (q.offering) {
      const offering = await offeringById(q.offering)
      return offering?.chain_offering_id ? { asset: "shares", tokenId: offering.chain_offering_id, title: `Shares of ${offering.title}` } : null
    }
    return q.token_id && /^\d{1,78}$/.test(q.token_id) ? { asset: "shares", tokenId: q.token_id, title: `Shares of offering #${q.token_id}` } : null
  }
  if (!q.token_id || !/^\d{1,78}$/.test(q.token_id)) return null
  // Any twin on chain can be sold by its holder (the chain checks the holding); the store names the ones it knows.
  const twin = await twinByTokenId(q.token_id)
  return { asset: "twin", tokenId: q.token_id, title: twin?.title ?? `twin #${q.token_id}` }
}

export default async function SellPage({ searchParams }: { searchParams: Search }) {
  const [subject, config] = await Promise.all([saleSubject(searchParams), marketConfig()])
  if (!subject) {
    return (
      <div className="container section">
        <h1>Sell on the market</h1>
        <p className="alert" role="alert">Choose a minted twin or shares you hold: open <Link href="/account">your account</Link> or <Link href="/account/portfolio">your portfolio</Link> and pick &ldquo;Sell&rdquo;.</p>
      </div>
    )
  }
  return (
    <div className="container section">
      <h1>Sell {subject.title}</h1>
      {config.paused ? <p className="alert" role="alert">The market is paused for maintenance: listing will work again shortly.</p> : null}
      <SellLoader asset={subject.asset} tokenId={subject.tokenId} config={config} />
    </div>
  )
}

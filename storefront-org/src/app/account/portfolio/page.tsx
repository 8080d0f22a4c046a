import type { Metadata } from "next"
import Link from "next/link"
import { redirect } from "next/navigation"
import { formatAmount } from "@pva/storefront-core"
import { portfolio } from "@/lib/actions/collector"
import { ValueChart } from "@/modules/account/value-chart"
import { MarketReturnsTable } from "@/modules/market/market-returns"

export const metadata: Metadata = { title: "Portfolio" }

export default async function PortfolioPage() {
  const result = await portfolio()
  if (!result.ok && result.status === 401) redirect("/account?next=/account/portfolio")
  if (!result.ok) return <div className="container section"><p className="alert">{result.message}</p></div>
  const { positions, total_value } = result.data
  return (
    <div className="container section">
      <h1>Portfolio</h1>
      <p>Total value <strong data-testid="total-value">{formatAmount(total_value.usd, "usd")}</strong> <span className="muted">(confirmed shares × price per share)</span></p>
      {positions.length === 0 ? <p className="muted">No shares yet. <Link href="/offerings">See the offerings</Link>.</p> : (
        <>
          <table aria-label="Holdings">
            <thead><tr><th>Offering</th><th>Confirmed</th><th>Pending</th><th>Price per share</th><th>Value</th><th>Market</th></tr></thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.offering_id} data-testid={`holding-${p.offering_id}`}>
                  <td><Link href={`/offerings/${p.offering_id}`}>{p.title}</Link></td>
                  <td data-testid="confirmed">{p.confirmed_shares}</td>
                  <td data-testid="pending">{p.pending_shares}</td>
                  <td>{formatAmount(p.price_per_share.usd, "usd")}</td>
                  <td>{formatAmount(p.value.usd, "usd")}</td>
                  <td>{p.confirmed_shares > 0 ? <Link href={`/market/sell?asset=shares&offering=${encodeURIComponent(p.offering_id)}`}>Sell</Link> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Value by offering</h2>
          <ValueChart rows={positions.map((p) => ({ label: p.title, value: p.value.usd }))} currencyCode="usd" />
        </>
      )}
      {result.data.market ? <MarketReturnsTable returns={result.data.market} /> : null}
    </div>
  )
}

import type { RouteConfig } from "@medusajs/admin"
import { useCallback, useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"
import { HorizontalBars, PALETTE, StackedBars, type Series } from "../../lib/charts"
import { count, daysBetween, money, percent } from "../../lib/format"

type SalesDay = { day: string; sales_channel_id: string | null; currency_code: string; orders: number; canceled: number; gross: number; refunded: number; net: number }
type Dashboard = {
  range: { from: string; to: string }
  sales_channels: Array<{ id: string; name: string }>
  sales: { per_day: SalesDay[]; totals: Array<{ currency_code: string; orders: number; canceled: number; gross: number; refunded: number; net: number }> }
  top_products: Array<{ product_id: string; title: string | null; units: number; revenue: Array<{ currency_code: string; amount: number }> }>
  funnel: { quiz_finished: number; product_viewed: number; cart: number; order: number }
  shares: { per_day: Array<{ day: string; shares: number; orders: number }>; totals: { shares: number; orders: number } }
  twin_claims: { per_day: Array<{ day: string; claimed: number; minted: number }>; totals: { claimed: number; minted: number } }
  webhooks: {
    totals: { delivered: number; retrying: number; pending: number; dead: number }
    latency_ms: { p50: number | null; p95: number | null; max: number | null }
    per_day: Array<{ day: string; delivered: number; retrying: number; pending: number; dead: number }>
  }
}

const today = () => new Date().toISOString().slice(0, 10)
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10)

/** One series per sales channel of `pick` per day, for one currency (or all when none). */
function perChannel(data: Dashboard, days: string[], pick: (d: SalesDay) => number, currency?: string): Series[] {
  const names = new Map(data.sales_channels.map((c) => [c.id, c.name]))
  const channels = [...new Set(data.sales.per_day.map((d) => d.sales_channel_id ?? ""))]
  return channels.map((id, i) => {
    const values = days.map((day) =>
      data.sales.per_day
        .filter((d) => d.day === day && (d.sales_channel_id ?? "") === id && (!currency || d.currency_code === currency))
        .reduce((sum, d) => sum + pick(d), 0)
    )
    return { name: names.get(id) ?? (id || "No channel"), color: PALETTE[i % PALETTE.length], values }
  })
}

const byDay = <T extends { day: string }>(days: string[], rows: T[], pick: (row: T) => number) =>
  days.map((day) => rows.filter((r) => r.day === day).reduce((sum, r) => sum + pick(r), 0))

const Panel = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <section aria-label={title} className="bg-grey-0 border-grey-20 rounded-rounded mb-4 border p-6">
    <h2 className="inter-large-semibold mb-3">{title}</h2>
    {children}
  </section>
)

/** Sales at a glance: revenue and orders per day per channel, top products, the quiz funnel, shares, twins, webhooks. */
const SalesDashboardPage = () => {
  const [filters, setFilters] = useState({ from: daysAgo(29), to: today(), channel: "" })
  const [data, setData] = useState<Dashboard | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(async (f: typeof filters) => {
    setError(null)
    const q = new URLSearchParams({ from: f.from, to: f.to })
    if (f.channel) q.set("sales_channel_id", f.channel)
    try {
      setData(await adminApi<Dashboard>("GET", `/sales-dashboard?${q}`))
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [])
  useEffect(() => {
    load(filters)
  }, [load]) // eslint-disable-line react-hooks/exhaustive-deps

  const days = data ? daysBetween(data.range.from, data.range.to) : []
  const funnel = data?.funnel

  return (
    <div className="gap-y-xsmall flex flex-col">
      <h1 className="inter-xlarge-semibold mb-2">Sales dashboard</h1>
      <form
        className="mb-4 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault()
          load(filters)
        }}
      >
        <label className="inter-small-regular flex flex-col">
          From
          <input className="border-grey-20 rounded-rounded border px-2 py-1" type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} />
        </label>
        <label className="inter-small-regular flex flex-col">
          To
          <input className="border-grey-20 rounded-rounded border px-2 py-1" type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} />
        </label>
        <label className="inter-small-regular flex flex-col">
          Sales channel
          <select className="border-grey-20 rounded-rounded border px-2 py-1" value={filters.channel} onChange={(e) => setFilters({ ...filters, channel: e.target.value })}>
            <option value="">All channels</option>
            {data?.sales_channels.map((c) => (
              <option key={c.id} value={c.id}>{c.name}</option>
            ))}
          </select>
        </label>
        <button className="btn btn-secondary btn-small" type="submit">Show</button>
      </form>
      {error && <p role="alert" className="text-rose-50 mb-4">{error}</p>}
      {!data && !error && <p>Loading…</p>}
      {data && (
        <>
          <Panel title="Revenue per day">
            {data.sales.totals.length === 0 && <p className="inter-small-regular text-grey-50">No orders in this range.</p>}
            {data.sales.totals.map((t) => (
              <div key={t.currency_code}>
                <p className="inter-base-semibold" data-testid={`revenue-${t.currency_code}`}>
                  {t.currency_code.toUpperCase()}: {money(t.net, t.currency_code)} net ({money(t.gross, t.currency_code)} ordered, {money(t.refunded, t.currency_code)} refunded)
                </p>
                <StackedBars label={`Net revenue per day (${t.currency_code.toUpperCase()})`} days={days} series={perChannel(data, days, (d) => d.net, t.currency_code)} format={(n) => money(n, t.currency_code)} />
              </div>
            ))}
          </Panel>
          <Panel title="Orders per day">
            <StackedBars label="Orders per day" days={days} series={perChannel(data, days, (d) => d.orders)} format={count} />
            <p className="inter-small-regular text-grey-50">Canceled: {count(data.sales.totals.reduce((n, t) => n + t.canceled, 0))}</p>
          </Panel>
          <Panel title="Top products">
            <HorizontalBars
              label="Top products by units"
              items={data.top_products.map((p) => ({
                label: p.title ?? p.product_id,
                value: p.units,
                note: p.revenue.map((r) => money(r.amount, r.currency_code)).join(" + "),
              }))}
            />
          </Panel>
          {funnel && (
            <Panel title="Quiz-to-order funnel">
              <HorizontalBars
                label="Funnel"
                color={PALETTE[2]}
                format={count}
                items={[
                  { label: "Quiz finished", value: funnel.quiz_finished },
                  { label: "Product viewed", value: funnel.product_viewed },
                  { label: "Cart", value: funnel.cart, note: percent(funnel.cart, funnel.product_viewed) },
                  { label: "Order", value: funnel.order, note: percent(funnel.order, funnel.cart) },
                ]}
              />
            </Panel>
          )}
          <Panel title="Share sales and twin claims">
            <StackedBars label="Shares sold per day" days={days} series={[{ name: "Shares", color: PALETTE[3], values: byDay(days, data.shares.per_day, (d) => d.shares) }]} format={count} />
            <StackedBars
              label="Twin claims per day"
              days={days}
              series={[
                { name: "Claimed", color: PALETTE[4], values: byDay(days, data.twin_claims.per_day, (d) => d.claimed) },
                { name: "Minted", color: PALETTE[6], values: byDay(days, data.twin_claims.per_day, (d) => d.minted) },
              ]}
              format={count}
            />
          </Panel>
          <Panel title="Webhook delivery health">
            <StackedBars
              label="Partner webhook deliveries per day"
              days={days}
              series={[
                { name: "Delivered", color: PALETTE[0], values: byDay(days, data.webhooks.per_day, (d) => d.delivered) },
                { name: "Retrying", color: PALETTE[4], values: byDay(days, data.webhooks.per_day, (d) => d.retrying) },
                { name: "Pending", color: PALETTE[7], values: byDay(days, data.webhooks.per_day, (d) => d.pending) },
                { name: "Dead", color: PALETTE[5], values: byDay(days, data.webhooks.per_day, (d) => d.dead) },
              ]}
              format={count}
            />
            <p className="inter-small-regular" data-testid="webhook-latency">
              Latency to delivery: p50 {data.webhooks.latency_ms.p50 ?? "–"} ms, p95 {data.webhooks.latency_ms.p95 ?? "–"} ms
            </p>
          </Panel>
        </>
      )}
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Sales dashboard" } }

export default SalesDashboardPage

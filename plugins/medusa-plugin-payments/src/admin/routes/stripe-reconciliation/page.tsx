import type { RouteConfig } from "@medusajs/admin"
import { adminApi } from "@pva/medusa-kit/admin"
import { useState } from "react"

const day = (d: Date) => d.toISOString().slice(0, 10)

/** Admin → Stripe reconciliation: every difference between the store's payments and Stripe's over a range. */
const StripeReconciliationPage = () => {
  const [from, setFrom] = useState(day(new Date(Date.now() - 30 * 86400_000)))
  const [to, setTo] = useState(day(new Date()))
  const [report, setReport] = useState<any | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const run = async (e: React.FormEvent) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const end = new Date(`${to}T23:59:59.999Z`).toISOString()
      setReport(await adminApi("GET", `/stripe/reconciliation?from=${encodeURIComponent(from)}&to=${encodeURIComponent(end)}`))
    } catch (err: any) {
      setError(err.message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border p-xlarge">
      <h1 className="inter-xlarge-semibold">Stripe reconciliation</h1>
      <p className="inter-base-regular text-grey-50 mt-small">PaymentIntents and refunds in Stripe against the orders&apos; payments.</p>
      <form onSubmit={run} className="mt-large flex items-end gap-x-base">
        <label className="flex flex-col">From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} /></label>
        <label className="flex flex-col">To <input type="date" value={to} onChange={(e) => setTo(e.target.value)} /></label>
        <button className="btn btn-primary btn-small" type="submit" disabled={busy}>{busy ? "Comparing…" : "Compare"}</button>
      </form>
      {error && <p role="alert" className="text-rose-50 mt-base">{error}</p>}
      {report && (
        <section className="mt-large">
          <p>{report.intents} PaymentIntents, {report.payments} store payments: {report.mismatches.length ? `${report.mismatches.length} mismatch(es)` : "everything matches"}.</p>
          {report.mismatches.length > 0 && (
            <table className="mt-base w-full">
              <thead><tr><th align="left">What</th><th align="left">Order</th><th align="left">PaymentIntent</th><th align="left">Details</th></tr></thead>
              <tbody>
                {report.mismatches.map((m: any) => (
                  <tr key={`${m.kind}-${m.intent_id}`}>
                    <td>{m.kind.replace(/_/g, " ")}</td>
                    <td>{m.order_id ? <a href={`/app/a/orders/${m.order_id}`}>{m.order_number}</a> : "none"}</td>
                    <td><code>{m.intent_id}</code></td>
                    <td>{m.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Stripe reconciliation" } }

export default StripeReconciliationPage

import type { RouteConfig } from "@medusajs/admin"
import { useCallback, useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"
import { money } from "../../lib/money"
import { CapTableChart } from "./cap-table-chart"

const EMPTY = { title: "", artifact_product_id: "", twin_token_id: "", total_shares: "100", usd: "6.25", eur: "5.79", investor_cap: "", lockup_until: "" }
const cents = (value: string) => Math.round(Number(value) * 100)

/** Share offerings: create a draft, open it on chain, close it; the cap table of each, with chain differences. */
const OfferingsPage = () => {
  const [offerings, setOfferings] = useState<any[]>([])
  const [form, setForm] = useState(EMPTY)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [capTable, setCapTable] = useState<any | null>(null)

  const load = useCallback(() => adminApi("GET", "/offerings").then((r) => setOfferings(r.offerings)).catch((e) => setError(e.message)), [])
  useEffect(() => {
    load()
  }, [load])

  const act = async (label: string, run: () => Promise<unknown>) => {
    setBusy(label)
    setError(null)
    try {
      await run()
      await load()
    } catch (e: any) {
      setError(e.message)
      await load()
    } finally {
      setBusy(null)
    }
  }

  const create = () =>
    act("create", async () => {
      await adminApi("POST", "/offerings", {
        title: form.title,
        artifact_product_id: form.artifact_product_id || undefined,
        twin_token_id: form.twin_token_id === "" ? undefined : form.twin_token_id,
        total_shares: Number(form.total_shares),
        prices: { usd: cents(form.usd), eur: cents(form.eur) },
        investor_cap: form.investor_cap === "" ? null : Number(form.investor_cap),
        lockup_until: form.lockup_until || null,
      })
      setForm(EMPTY)
    })

  const showCapTable = (id: string) => act(`cap-${id}`, async () => setCapTable((await adminApi("GET", `/offerings/${id}/cap-table`)).cap_table))

  const field = (name: keyof typeof EMPTY, label: string, type = "text") => (
    <label className="flex flex-col inter-small-regular">
      {label}
      <input className="border-grey-20 rounded-rounded border px-2 py-1" type={type} value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  )

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
      <h1 className="inter-xlarge-semibold mb-4">Share offerings</h1>
      {error && <p role="alert" className="text-rose-50 mb-4">{error}</p>}

      <section className="mb-8 grid grid-cols-4 gap-3" aria-label="New offering">
        {field("title", "Title")}
        {field("artifact_product_id", "Artifact product id")}
        {field("twin_token_id", "or twin token id")}
        {field("total_shares", "Total shares (10–10,000)", "number")}
        {field("usd", "Price per share (USD)", "number")}
        {field("eur", "Price per share (EUR)", "number")}
        {field("investor_cap", "Per-investor cap (optional)", "number")}
        {field("lockup_until", "Lock-up until (optional)", "date")}
        <button className="btn btn-primary btn-small" disabled={busy !== null} onClick={create}>Create draft</button>
      </section>

      <table className="w-full mb-8">
        <thead>
          <tr className="inter-small-semibold text-grey-50 text-left">
            <th>Offering</th><th>Status</th><th>Price</th><th>Sold</th><th>Reserved</th><th>Remaining</th><th>Lock-up until</th><th>Chain id</th><th />
          </tr>
        </thead>
        <tbody>
          {offerings.map((o) => (
            <tr key={o.id} className="border-grey-20 border-t" data-offering={o.id}>
              <td>{o.title}{o.open_error && <div className="text-rose-50 inter-small-regular">{o.open_error}</div>}</td>
              <td>{o.status}</td>
              <td>{money(o.prices.usd, "usd")} / {money(o.prices.eur, "eur")}</td>
              <td>{o.sold} / {o.total_shares}</td>
              <td>{o.reserved}</td>
              <td>{o.remaining}</td>
              <td>{o.lockup_until ? new Date(o.lockup_until).toISOString().slice(0, 10) : "—"}</td>
              <td>{o.chain_offering_id ?? "—"}</td>
              <td className="flex gap-2">
                {o.status === "draft" && <button className="btn btn-secondary btn-small" disabled={busy !== null} onClick={() => act(`open-${o.id}`, () => adminApi("POST", `/offerings/${o.id}/open`))}>{busy === `open-${o.id}` ? "Opening…" : "Open on chain"}</button>}
                {o.status === "open" && <button className="btn btn-secondary btn-small" disabled={busy !== null} onClick={() => act(`close-${o.id}`, () => adminApi("POST", `/offerings/${o.id}/close`))}>Close</button>}
                {o.chain_offering_id && o.status !== "draft" && <button className="btn btn-secondary btn-small" disabled={busy !== null} onClick={() => showCapTable(o.id)}>Cap table</button>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {capTable && (
        <section aria-label="Cap table">
          <h2 className="inter-large-semibold mb-2">Cap table · offering {capTable.chain_offering_id}</h2>
          <p className="mb-2">Sold in store: {capTable.sold_in_store} · reserved: {capTable.reserved_in_store} · minted on chain: {capTable.total_supply_on_chain ?? "chain unreachable"}</p>
          {capTable.differences.length > 0 && (
            <ul role="alert" className="text-rose-50 mb-2">
              {capTable.differences.map((d: string) => <li key={d}>{d}</li>)}
            </ul>
          )}
          <CapTableChart holders={capTable.holders} total={capTable.total_shares} />
          <table className="w-full">
            <thead><tr className="inter-small-semibold text-grey-50 text-left"><th>Wallet</th><th>Customer</th><th>Shares</th><th>%</th></tr></thead>
            <tbody>
              {capTable.holders.map((h: any) => (
                <tr key={h.wallet} className="border-grey-20 border-t"><td className="font-mono">{h.wallet}</td><td>{h.customer_email ?? "not linked to a customer"}</td><td>{h.shares}</td><td>{h.percent}</td></tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Share offerings" } }

export default OfferingsPage

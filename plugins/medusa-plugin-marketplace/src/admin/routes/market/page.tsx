import type { RouteConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"

const cell = { padding: "6px 8px", borderBottom: "1px solid #e5e7eb", textAlign: "left" as const }

/** Wei as ETH with up to 6 decimals, for reading (amounts stay exact in the API). */
const eth = (wei: string | null | undefined) => {
  if (!wei) return "—"
  // String arithmetic: the admin bundle targets ES2017, which has no bigint literals.
  const digits = wei.replace(/^0+/, "").padStart(19, "0")
  const whole = digits.slice(0, -18)
  const fraction = digits.slice(-18, -12).replace(/0+$/, "")
  return `${whole}${fraction ? `.${fraction}` : ""} ETH`
}

type Summary = {
  listings: Record<string, number>
  sales: number
  volume: string
  royalties_paid: string
  fees: string
  fee_bps: number | null
  paused: boolean
  market_address: string
}

type Listing = {
  id: string
  kind: string
  asset: { type: string; token_id: string; quantity: string }
  seller: string
  price: string
  status: string
  ends_at: string | null
  bid_count: number
  hidden: boolean
}

const MarketPage = () => {
  const [summary, setSummary] = useState<Summary | null>(null)
  const [listings, setListings] = useState<Listing[]>([])
  const [status, setStatus] = useState("active")
  const [message, setMessage] = useState<string | null>(null)
  const load = () => {
    adminApi<Summary>("GET", "/market/summary").then(setSummary, (e) => setMessage(e.message))
    adminApi<{ listings: Listing[] }>("GET", `/market/listings?limit=100${status ? `&status=${status}` : ""}`).then(
      (r) => setListings(r.listings),
      (e) => setMessage(e.message)
    )
  }
  useEffect(() => {
    load()
  }, [status]) // eslint-disable-line react-hooks/exhaustive-deps -- reloads when the status filter changes; load reads it
  const act = (path: string, done: string) =>
    adminApi("POST", path).then(
      () => {
        setMessage(done)
        load()
      },
      (e) => setMessage(e.message)
    )
  return (
    <div style={{ padding: 24, background: "white", borderRadius: 8 }}>
      <h1 style={{ fontSize: 20, fontWeight: 600 }}>Market</h1>
      {summary && (
        <div style={{ display: "flex", gap: 24, flexWrap: "wrap", margin: "12px 0" }}>
          <div>
            Listings: <b>{summary.listings.active}</b> active, {summary.listings.ended} ended, {summary.listings.sold} sold,{" "}
            {summary.listings.cancelled} cancelled, {summary.listings.invalid} invalid, {summary.listings.hidden} hidden
          </div>
          <div>
            Volume <b>{eth(summary.volume)}</b> in {summary.sales} sales
          </div>
          <div>Royalties paid {eth(summary.royalties_paid)}</div>
          <div>
            Fees {eth(summary.fees)} ({summary.fee_bps ?? "?"} bps)
          </div>
          <div>
            Trading is <b>{summary.paused ? "paused" : "running"}</b>{" "}
            {summary.paused ? (
              <button onClick={() => act("/market/unpause", "The market runs again")}>Unpause</button>
            ) : (
              <button onClick={() => act("/market/pause", "The market is paused")}>Pause</button>
            )}
          </div>
        </div>
      )}
      {message && <p>{message}</p>}
      <label>
        Status{" "}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {["", "active", "ended", "sold", "cancelled", "invalid"].map((s) => (
            <option key={s} value={s}>
              {s || "all"}
            </option>
          ))}
        </select>
      </label>
      <table style={{ width: "100%", marginTop: 12, borderCollapse: "collapse" }}>
        <thead>
          <tr>
            {["Listing", "Kind", "Item", "Seller", "Price", "Bids", "Ends", "Status", "Storefront"].map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {listings.map((l) => (
            <tr key={l.id}>
              <td style={cell}>#{l.id}</td>
              <td style={cell}>{l.kind}</td>
              <td style={cell}>
                {l.asset.type === "twin" ? `twin #${l.asset.token_id}` : `${l.asset.quantity} shares of #${l.asset.token_id}`}
              </td>
              <td style={cell}>{l.seller.slice(0, 10)}…</td>
              <td style={cell}>{eth(l.price)}</td>
              <td style={cell}>{l.bid_count}</td>
              <td style={cell}>{l.ends_at ? new Date(l.ends_at).toLocaleString() : "—"}</td>
              <td style={cell}>{l.status}</td>
              <td style={cell}>
                {l.hidden ? (
                  <button onClick={() => act(`/market/listings/${l.id}/unhide`, `Listing #${l.id} is shown again`)}>Unhide</button>
                ) : (
                  <button onClick={() => act(`/market/listings/${l.id}/hide`, `Listing #${l.id} is hidden from the storefront`)}>Hide</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Market" } }

export default MarketPage

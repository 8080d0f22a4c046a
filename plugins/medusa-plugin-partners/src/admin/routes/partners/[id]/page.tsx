import { useEffect, useState } from "react"
import { useParams } from "react-router-dom"
import { adminApi } from "../../../lib/api"
import { OneTimeSecret } from "../../../lib/one-time-secret"

const FIELDS = ["name", "handle", "country", "country_code", "contact_email", "payout_account_ref", "webhook_url", "inventory_feed_url", "story"]

/** Partner detail: profile, products, secrets, sync reports and the webhook delivery log. */
const PartnerDetailPage = () => {
  const { id } = useParams()
  const [partner, setPartner] = useState<any>(null)
  const [draft, setDraft] = useState<Record<string, any>>({})
  const [deliveries, setDeliveries] = useState<any[]>([])
  const [reports, setReports] = useState<any[]>([])
  const [message, setMessage] = useState<string | null>(null)
  // A rotated secret is shown until dismissed or the page is left; the server never shows it again.
  const [issuedSecret, setIssuedSecret] = useState<string | null>(null)

  const load = async () => {
    try {
      const [{ partner }, d, r] = await Promise.all([
        adminApi("GET", `/partners/${id}`),
        adminApi("GET", `/partners/${id}/webhook-deliveries?limit=50`),
        adminApi("GET", `/partners/${id}/sync-reports`),
      ])
      setPartner(partner)
      setDraft(Object.fromEntries(FIELDS.map((f) => [f, partner[f] ?? ""])))
      setDeliveries(d.deliveries)
      setReports(r.reports)
    } catch (err: any) {
      setMessage(err.message)
    }
  }
  useEffect(() => {
    load()
  }, [id]) // eslint-disable-line react-hooks/exhaustive-deps -- reloads when another partner is opened

  const act = (fn: () => Promise<unknown>, done: string) => async () => {
    setMessage(null)
    try {
      await fn()
      setMessage(done)
      await load()
    } catch (err: any) {
      setMessage(err.message)
    }
  }

  const save = act(() => {
    const body: Record<string, any> = {}
    for (const f of FIELDS) if ((partner[f] ?? "") !== draft[f]) body[f] = draft[f] === "" ? null : draft[f]
    return adminApi("POST", `/partners/${id}`, body)
  }, "Saved")

  if (!partner) return <div className="p-8">{message ?? "Loading…"}</div>

  return (
    <div className="flex flex-col gap-6">
      <section className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
        <h1 className="inter-xlarge-semibold mb-4">{partner.name}</h1>
        {message && <p className="mb-4">{message}</p>}
        <div className="grid grid-cols-2 gap-3">
          {FIELDS.map((f) => (
            <label key={f} className="flex flex-col">
              <span className="inter-small-semibold text-grey-50">{f}</span>
              <input className="border-grey-20 rounded border px-2" value={draft[f] ?? ""} onChange={(e) => setDraft({ ...draft, [f]: e.target.value })} />
            </label>
          ))}
          <label className="flex flex-col">
            <span className="inter-small-semibold text-grey-50">status</span>
            <select value={partner.status} onChange={(e) => act(() => adminApi("POST", `/partners/${id}`, { status: e.target.value }), "Status changed")()}>
              <option value="pending">pending</option>
              <option value="approved">approved</option>
              <option value="rejected">rejected</option>
            </select>
          </label>
        </div>
        <div className="mt-4 flex gap-2">
          <button className="btn btn-primary btn-small" onClick={save}>Save</button>
          <button className="btn btn-secondary btn-small" onClick={act(async () => setIssuedSecret((await adminApi("POST", `/partners/${id}/rotate-secret`)).secret), "New secret issued; the old one signs for 24 h more")}>
            Rotate signing secret
          </button>
          {partner.webhook_url && !partner.webhook_enabled && (
            <button className="btn btn-secondary btn-small" onClick={act(() => adminApi("POST", `/partners/${id}`, { webhook_enabled: true }), "Endpoint re-enabled")}>
              Re-enable endpoint ({partner.webhook_disabled_reason})
            </button>
          )}
          {partner.inventory_feed_url && (
            <button className="btn btn-secondary btn-small" onClick={act(() => adminApi("POST", `/partners/${id}/sync`), "Inventory synced")}>
              Sync inventory now
            </button>
          )}
        </div>
        <h2 className="inter-base-semibold mt-6">Signing secrets</h2>
        {issuedSecret && <OneTimeSecret secret={issuedSecret} onDismiss={() => setIssuedSecret(null)} />}
        <ul className="font-mono text-xs" data-testid="signing-secrets">
          {partner.webhook_secrets.map((s: any) => (
            <li key={s.created_at}>
              {s.hint} {s.expires_at ? `(expires ${new Date(s.expires_at).toLocaleString()})` : "(current)"}
            </li>
          ))}
        </ul>
        <h2 className="inter-base-semibold mt-6">Products</h2>
        <ul>
          {partner.products.map((p: any) => (
            <li key={p.id}>
              {p.title} — reorder point {p.reorder_point}; {p.variants.map((v: any) => `${v.sku ?? "no SKU"}: ${v.inventory_quantity}`).join(", ")}
            </li>
          ))}
        </ul>
      </section>

      <section className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
        <h2 className="inter-large-semibold mb-4">Webhook deliveries</h2>
        <table className="w-full text-left">
          <thead>
            <tr className="inter-small-semibold text-grey-50">
              <th>webhook-id</th>
              <th>Event</th>
              <th>Status</th>
              <th>Attempts</th>
              <th>Last result</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id} className="border-grey-20 border-t">
                <td className="font-mono text-xs">{d.id}</td>
                <td>{d.event_type}</td>
                <td>{d.status}</td>
                <td title={d.attempt_log.map((a: any) => `#${a.attempt} ${a.response_status ?? ""} ${a.error ?? ""}`).join("\n")}>{d.attempts}</td>
                <td>{d.last_error ?? d.last_status ?? ""}</td>
                <td>
                  {d.status !== "pending" && (
                    <button className="btn btn-secondary btn-small" onClick={act(() => adminApi("POST", `/partners/${id}/webhook-deliveries/${d.id}/replay`), "Replay queued")}>
                      Replay
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
        <h2 className="inter-large-semibold mb-4">Inventory sync reports</h2>
        <ul>
          {reports.map((r) => (
            <li key={r.id}>
              {new Date(r.finished_at).toLocaleString()} — {r.status}
              {r.error ? `: ${r.error}` : `: ${r.updated.length} updated, ${r.unchanged} unchanged, ${r.unknown_skus.length} unknown SKUs, ${r.bad_rows.length} bad rows`}
            </li>
          ))}
        </ul>
      </section>
    </div>
  )
}

export default PartnerDetailPage

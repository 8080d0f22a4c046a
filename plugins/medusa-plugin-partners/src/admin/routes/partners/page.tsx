import type { RouteConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { adminApi } from "../../lib/api"
import { OneTimeSecret } from "../../lib/one-time-secret"

/** Partner list: who supplies what, their verification status and webhook health. */
const PartnersPage = () => {
  const [partners, setPartners] = useState<any[]>([])
  const [error, setError] = useState<string | null>(null)
  const [form, setForm] = useState({ name: "", country: "" })
  const [syncing, setSyncing] = useState(false)
  const [issued, setIssued] = useState<{ name: string; secret: string } | null>(null)

  const load = () => adminApi("GET", "/partners?limit=200").then((r) => setPartners(r.partners)).catch((e) => setError(e.message))
  useEffect(() => {
    load()
  }, [])

  const create = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(null)
    try {
      const created = await adminApi("POST", "/partners", form)
      setIssued({ name: created.partner.name, secret: created.webhook_secret })
      setForm({ name: "", country: "" })
      await load()
    } catch (err: any) {
      setError(err.message)
    }
  }

  const syncAll = async () => {
    setSyncing(true)
    try {
      await adminApi("POST", "/partner-feeds/sync")
      await load()
    } catch (err: any) {
      setError(err.message)
    } finally {
      setSyncing(false)
    }
  }

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
      <div className="mb-6 flex items-center justify-between">
        <h1 className="inter-xlarge-semibold">Partners</h1>
        <button className="btn btn-secondary btn-small" onClick={syncAll} disabled={syncing}>
          {syncing ? "Syncing…" : "Sync all inventory feeds now"}
        </button>
      </div>
      {error && <p className="text-rose-50 mb-4">{error}</p>}
      {issued && <OneTimeSecret title={`${issued.name}: webhook signing secret`} secret={issued.secret} onDismiss={() => setIssued(null)} />}
      <table className="w-full">
        <thead>
          <tr className="inter-small-semibold text-grey-50 text-left">
            <th>Name</th>
            <th>Country</th>
            <th>Status</th>
            <th>Products</th>
            <th>Webhooks</th>
          </tr>
        </thead>
        <tbody>
          {partners.map((p) => (
            <tr key={p.id} className="border-grey-20 border-t">
              <td className="py-2">
                <Link to={`/a/partners/${p.id}`}>{p.name}</Link>
              </td>
              <td>{p.country}</td>
              <td>{p.status}</td>
              <td>{p.product_count}</td>
              <td>{p.webhook_url ? (p.webhook_enabled ? "enabled" : "disabled") : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form onSubmit={create} className="mt-8 flex gap-2">
        <input className="border-grey-20 rounded border px-2" placeholder="Name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        <input className="border-grey-20 rounded border px-2" placeholder="Country" value={form.country} onChange={(e) => setForm({ ...form, country: e.target.value })} />
        <button className="btn btn-primary btn-small" type="submit">
          Add partner
        </button>
      </form>
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Partners" } }

export default PartnersPage

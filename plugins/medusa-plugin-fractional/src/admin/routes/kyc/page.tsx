import type { RouteConfig } from "@medusajs/admin"
import { useCallback, useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"

/** The KYC review queue: approve or reject each application with a note; approved ones can be revoked. */
const KycPage = () => {
  const [status, setStatus] = useState("pending")
  const [applications, setApplications] = useState<any[]>([])
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [error, setError] = useState<string | null>(null)
  const [result, setResult] = useState<string | null>(null)

  const load = useCallback(
    () => adminApi("GET", `/kyc/applications?status=${status}`).then((r) => setApplications(r.applications)).catch((e) => setError(e.message)),
    [status]
  )
  useEffect(() => {
    load()
  }, [load])

  const decide = async (id: string, decision: string) => {
    setError(null)
    try {
      const r = await adminApi("POST", `/kyc/applications/${id}/decision`, { decision, note: notes[id] ?? "" })
      const wallets = r.eligibility.map((e: any) => `${e.wallet}: ${e.error ? `not updated (${e.error})` : e.eligible ? "eligible" : "not eligible"}`)
      setResult(`${decision}. ${wallets.length ? wallets.join("; ") : "No linked wallet yet: it becomes eligible when linked."}`)
      await load()
    } catch (e: any) {
      setError(e.message)
    }
  }

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
      <h1 className="inter-xlarge-semibold mb-4">KYC review</h1>
      <div className="mb-4 flex gap-2" role="tablist">
        {["pending", "approved", "rejected"].map((s) => (
          <button key={s} role="tab" aria-selected={s === status} className={`btn btn-small ${s === status ? "btn-primary" : "btn-secondary"}`} onClick={() => setStatus(s)}>{s}</button>
        ))}
      </div>
      {error && <p role="alert" className="text-rose-50 mb-4">{error}</p>}
      {result && <p className="mb-4">{result}</p>}
      {applications.length === 0 ? (
        <p>No {status} applications.</p>
      ) : (
        <table className="w-full">
          <thead>
            <tr className="inter-small-semibold text-grey-50 text-left"><th>Customer</th><th>Legal name</th><th>Country</th><th>Born</th><th>Submitted</th><th>Note</th><th /></tr>
          </thead>
          <tbody>
            {applications.map((a) => (
              <tr key={a.id} className="border-grey-20 border-t" data-application={a.id}>
                <td>{a.customer_email}</td>
                <td>{a.legal_name}</td>
                <td>{a.country_code.toUpperCase()}</td>
                <td>{a.date_of_birth}</td>
                <td>{new Date(a.created_at).toLocaleString()}</td>
                <td><input aria-label="Note" className="border-grey-20 rounded-rounded border px-2 py-1" value={notes[a.id] ?? ""} onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })} /></td>
                <td className="flex gap-2">
                  {a.status === "pending" && (
                    <>
                      <button className="btn btn-primary btn-small" onClick={() => decide(a.id, "approved")}>Approve</button>
                      <button className="btn btn-secondary btn-small" onClick={() => decide(a.id, "rejected")}>Reject</button>
                    </>
                  )}
                  {a.status === "approved" && <button className="btn btn-secondary btn-small" onClick={() => decide(a.id, "revoked")}>Revoke</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}

export const config: RouteConfig = { link: { label: "KYC review" } }

export default KycPage

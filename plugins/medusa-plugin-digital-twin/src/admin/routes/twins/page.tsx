import type { RouteConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"

const cell = { padding: "6px 8px", borderBottom: "1px solid #e5e7eb", textAlign: "left" as const }

const TwinDetail = ({ id, onChange }: { id: string; onChange: () => void }) => {
  const [detail, setDetail] = useState<any>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [kind, setKind] = useState("APPRAISAL")
  const [statement, setStatement] = useState("")
  const load = () => adminApi("GET", `/twins/${id}`).then(setDetail, (e) => setMessage(e.message))
  useEffect(() => {
    load()
  }, [id]) // eslint-disable-line react-hooks/exhaustive-deps -- reloads when another twin is opened
  const act = (f: () => Promise<any>, done: string) =>
    f().then(
      () => {
        setMessage(done)
        load()
        onChange()
      },
      (e) => setMessage(e.message)
    )
  if (!detail) return <p>{message ?? "Loading…"}</p>
  const t = detail.twin
  return (
    <div style={{ marginTop: 16, padding: 16, border: "1px solid #e5e7eb", borderRadius: 8 }}>
      <h2 style={{ fontWeight: 600 }}>
        #{t.token_id} {t.name}
      </h2>
      <p>
        Tag {t.tag_id} · status <b>{t.status}</b> · owner {t.owner ?? "—"} · claim wallet {t.claim_wallet ?? "—"}
      </p>
      <p>
        Claim code: {detail.claim_code ? (detail.claim_code.revoked_at ? "revoked" : `issued ${detail.claim_code.issued_at}`) : "none"}{" "}
        <button onClick={() => act(() => adminApi("POST", `/twins/${id}/claim-code`), "A new code was emailed")}>Re-send code</button>{" "}
        <button onClick={() => act(() => adminApi("DELETE", `/twins/${id}/claim-code`), "Code revoked")}>Revoke code</button>
      </p>
      <h3 style={{ fontWeight: 600, marginTop: 12 }}>Timeline</h3>
      <ol>
        {detail.timeline.map((e: any, i: number) => (
          <li key={i}>
            {new Date(e.occurred_at).toLocaleString()} — {e.kind}
            {e.tx_hash ? ` (tx ${e.tx_hash.slice(0, 10)}…, block ${e.block_number})` : ""}
            {e.kind === "attested" ? ` ${e.data.kind}: ${e.data.statement} — signed by ${e.data.issuer}` : ""}
          </li>
        ))}
      </ol>
      <h3 style={{ fontWeight: 600, marginTop: 12 }}>Attest</h3>
      <input value={kind} onChange={(e) => setKind(e.target.value)} placeholder="Kind" />{" "}
      <input value={statement} onChange={(e) => setStatement(e.target.value)} placeholder="Statement" style={{ width: 320 }} />{" "}
      <button onClick={() => act(() => adminApi("POST", `/twins/${id}/attest`, { kind, statement }), "Attested")}>Attest</button>
      {message && <p>{message}</p>}
    </div>
  )
}

const TwinsPage = () => {
  const [twins, setTwins] = useState<any[]>([])
  const [status, setStatus] = useState("")
  const [selected, setSelected] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const load = () => adminApi("GET", `/twins?limit=200${status ? `&status=${status}` : ""}`).then((r) => setTwins(r.twins), (e) => setError(e.message))
  useEffect(() => {
    load()
  }, [status]) // eslint-disable-line react-hooks/exhaustive-deps -- reloads when the status filter changes
  return (
    <div style={{ padding: 24, background: "white", borderRadius: 8 }}>
      <h1 style={{ fontSize: 20, fontWeight: 600 }}>Digital twins</h1>
      <label>
        Status{" "}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          {["", "issued", "bound", "submitted", "minted"].map((s) => (
            <option key={s} value={s}>
              {s || "all"}
            </option>
          ))}
        </select>
      </label>
      {error && <p>{error}</p>}
      <table style={{ width: "100%", marginTop: 12, borderCollapse: "collapse" }}>
        <thead>
          <tr>
            {["Token", "Piece", "Tag", "Status", "Owner"].map((h) => (
              <th key={h} style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {twins.map((t) => (
            <tr key={t.id} onClick={() => setSelected(t.id)} style={{ cursor: "pointer" }}>
              <td style={cell}>{t.token_id}</td>
              <td style={cell}>{t.title}</td>
              <td style={cell}>{t.tag_id}</td>
              <td style={cell}>{t.status}</td>
              <td style={cell}>{t.owner ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected && <TwinDetail id={selected} onChange={load} />}
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Digital twins" } }

export default TwinsPage

import type { RouteConfig } from "@medusajs/admin"
import { useEffect, useState } from "react"
import { adminApi } from "@pva/medusa-kit/admin"

const REFRESH_MS = 5000

/** Chain sync health per contract: how far behind the head the store is, and why if it is stuck. */
const ChainSyncPage = () => {
  const [status, setStatus] = useState<any | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let active = true
    const load = () =>
      adminApi("GET", "/chain-sync/status")
        .then((json) => {
          if (active) {
            setStatus(json)
            setError(null)
          }
        })
        .catch((e) => active && setError(e.message))
    load()
    const timer = setInterval(load, REFRESH_MS)
    return () => {
      active = false
      clearInterval(timer)
    }
  }, [])

  return (
    <div className="bg-grey-0 border-grey-20 rounded-rounded border p-8">
      <h1 className="inter-xlarge-semibold mb-2">Chain sync</h1>
      {error && <p role="alert" className="text-rose-50 mb-4">{error}</p>}
      {status && (
        <>
          <p className="mb-4">
            Logs: {status.logs.confirmed} confirmed, {status.logs.seen} awaiting confirmation, {status.logs.removed} removed by reorgs ·{" "}
            {status.pending_notifications} notifications pending
          </p>
          {status.contracts.length === 0 ? (
            <p>No contract is followed yet: start a process with CHAIN_SYNC_FOLLOW=true, or run `npx pva-chain-sync backfill`.</p>
          ) : (
            <table className="w-full">
              <thead>
                <tr className="inter-small-semibold text-grey-50 text-left">
                  <th>Contract</th>
                  <th>Head</th>
                  <th>Cursor</th>
                  <th>Lag</th>
                  <th>Logs ingested</th>
                  <th>Ignored</th>
                  <th>Reorgs</th>
                  <th>Last error</th>
                </tr>
              </thead>
              <tbody>
                {status.contracts.map((c: any) => (
                  <tr key={`${c.chain_id}:${c.contract_address}`} className="border-grey-20 border-t" data-contract={c.contract_name}>
                    <td className="py-2">
                      {c.contract_name} <span className="text-grey-50">{c.contract_address.slice(0, 10)}… (chain {c.chain_id})</span>
                    </td>
                    <td>{c.head ?? "—"}</td>
                    <td>{c.cursor}</td>
                    <td>{c.lag === null ? "—" : `${c.lag} blocks`}</td>
                    <td>{c.logs_ingested}</td>
                    <td>{c.logs_ignored}</td>
                    <td>{c.reorgs}</td>
                    <td>{c.last_error ? `${c.last_error} (${new Date(c.last_error_at).toLocaleString()})` : "none"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  )
}

export const config: RouteConfig = { link: { label: "Chain sync" } }

export default ChainSyncPage

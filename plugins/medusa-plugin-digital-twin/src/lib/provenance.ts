// The provenance timeline as the public sees it: what happened to the piece, never who bought it.
export type TimelineRow = {
  kind: string
  from_address: string | null
  to_address: string | null
  tx_hash: string | null
  block_number: number | null
  log_index: number | null
  data: Record<string, any>
  occurred_at: Date
}

export function publicTimeline(rows: TimelineRow[]) {
  return rows.map((r) => {
    const event: Record<string, unknown> = {
      kind: r.kind,
      occurred_at: r.occurred_at,
      tx_hash: r.tx_hash,
      block_number: r.block_number,
    }
    if (r.kind === "minted" || r.kind === "transferred") Object.assign(event, { from: r.from_address, to: r.to_address })
    // The sale was canceled or refunded: the twin is void, or kept by whoever holds it.
    if (r.kind === "refunded") Object.assign(event, { outcome: r.data.outcome })
    if (r.kind === "attested") {
      Object.assign(event, {
        attestation_kind: r.data.kind,
        statement: r.data.statement,
        message: r.data.message,
        data_hash: r.data.data_hash,
        issuer: r.data.issuer,
        signature: r.data.signature,
      })
    }
    return event
  })
}

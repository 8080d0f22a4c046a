import type { TwinMarketEvent } from "@pva/medusa-kit/events"

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

/** The timeline with the market's events (listed, sold with price and royalty, auction settled), in time order. */
export function marketTimeline(events: Array<Record<string, unknown>>, market: TwinMarketEvent[]) {
  const marketEvents = market.map((m) => ({
    kind: m.kind === "listed" ? "market_listed" : m.kind === "sold" ? "market_sold" : "auction_settled",
    occurred_at: new Date(m.occurred_at),
    tx_hash: m.tx_hash,
    block_number: m.block_number,
    listing_id: m.listing_id,
    offer_id: m.offer_id,
    listing_kind: m.listing_kind,
    price: m.price,
    royalty: m.royalty,
  }))
  if (!marketEvents.length) return events
  const time = (e: Record<string, unknown>) => new Date(e.occurred_at as string | Date).getTime()
  return [...events, ...marketEvents].sort((a, b) => time(a) - time(b))
}

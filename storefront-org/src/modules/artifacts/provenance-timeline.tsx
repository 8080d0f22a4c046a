import { txUrl, type ChainConfig } from "@/lib/chain-config"
import { EVENT_LABELS, formatDate, shortAddress } from "@/lib/format"
import { formatEth } from "@/lib/market/amounts"
import type { ProvenanceEvent } from "@/lib/types"

/** What happened to the piece, oldest first; every event the chain confirmed links to its transaction. */
export function ProvenanceTimeline({ events, chain }: { events: ProvenanceEvent[]; chain: ChainConfig }) {
  if (events.length === 0) return <p className="muted">No provenance recorded yet.</p>
  return (
    <ol className="timeline" aria-label="Provenance timeline">
      {events.map((event, i) => (
        <li key={`${event.kind}-${event.tx_hash ?? i}`} className={`timeline-event timeline-${event.kind}`} data-kind={event.kind}>
          <span className="timeline-dot" aria-hidden="true" />
          <div>
            <h3>{EVENT_LABELS[event.kind] ?? event.kind}</h3>
            <p className="muted">
              <time dateTime={event.occurred_at}>{formatDate(event.occurred_at)}</time>
              {event.block_number !== null && event.block_number !== undefined ? ` · block ${event.block_number}` : ""}
            </p>
            <EventDetail event={event} />
            {event.tx_hash ? (
              <a href={txUrl(event.tx_hash, chain)} className="tx-link">
                Transaction {shortAddress(event.tx_hash)}
              </a>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  )
}

function EventDetail({ event }: { event: ProvenanceEvent }) {
  if (event.kind === "minted") return <p>Minted to {shortAddress(event.to)}</p>
  if (event.kind === "transferred") return <p>From {shortAddress(event.from)} to {shortAddress(event.to)}</p>
  if (event.kind === "market_listed" || event.kind === "market_sold" || event.kind === "auction_settled") {
    const caption = event.kind === "market_listed" ? (event.listing_kind === "english" ? "Reserve" : event.listing_kind === "dutch" ? "Starting at" : "Price") : "Price"
    return (
      <p>
        {event.price ? `${caption} ${formatEth(event.price)}` : null}
        {event.royalty && event.royalty.amount !== "0" ? `, royalty ${formatEth(event.royalty.amount)} to the artisan` : null}
        {event.kind === "market_listed" && event.listing_id ? <> · <a href={`/market/${event.listing_id}`}>the listing</a></> : null}
      </p>
    )
  }
  if (event.kind === "attested") {
    return (
      <p>
        {event.attestation_kind ? `${event.attestation_kind}: ` : ""}
        {event.statement} {event.issuer ? <span className="muted">(issuer {shortAddress(event.issuer)})</span> : null}
      </p>
    )
  }
  return null
}
